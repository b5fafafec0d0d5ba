package memscope.model.file;

import java.nio.file.Path;

import memscope.model.IoResult;
import memscope.model.Status;

/**
 * Run in a child JVM by {@link SaveCrashTest}: edits a file and saves it slowly, announcing each step on stdout,
 * so the test can kill it at a chosen moment (it pauses after each step is announced). Arguments: the file, the
 * pause per step in milliseconds, and optionally {@code COPY} or {@code IN_PLACE} (the default).
 */
public final class SlowSaveProcess {
    private SlowSaveProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long pause = Long.parseLong(args[1]);
        SaveMethod method = args.length > 2 ? SaveMethod.valueOf(args[2]) : SaveMethod.IN_PLACE;
        try (FileDocument doc = FileDocument.open(file)) {
            for (long offset : SaveCrashTest.editOffsets(doc.length())) {
                IoResult r = doc.kernel().writeMemory(doc.editHandle(), doc.baseAddress() + offset,
                        SaveCrashTest.EDIT, SaveCrashTest.EDIT.length);
                if (r.status() != Status.OK) {
                    throw new IllegalStateException("edit refused: " + r);
                }
            }
            SaveResult result = doc.save(new SaveOptions(false, (stage, done, total) -> {
                System.out.println(stage + " " + done);
                System.out.flush();
                sleep(pause);
            }, method));
            System.out.println("RESULT " + result.outcome());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
