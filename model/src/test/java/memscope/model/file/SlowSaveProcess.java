package memscope.model.file;

import java.nio.file.Path;

import memscope.model.IoResult;
import memscope.model.Status;

/**
 * Run in a child JVM by {@link SaveCrashTest}: edits a file and saves it slowly, announcing each step on stdout,
 * so the test can kill it at a chosen moment (it pauses after each step is announced). Arguments: the file, the
 * pause per step in milliseconds or {@code step} (after each announcement, wait for a line on stdin: the test
 * kills it there, at exactly that step, however slow the machine), and optionally {@code COPY} or
 * {@code IN_PLACE} (the default).
 */
public final class SlowSaveProcess {
    private SlowSaveProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        boolean stepped = args[1].equals("step");
        long pause = stepped ? 0 : Long.parseLong(args[1]);
        java.io.BufferedReader go = new java.io.BufferedReader(
                new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
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
                if (stepped) {
                    awaitGo(go);
                } else {
                    sleep(pause);
                }
            }, method));
            System.out.println("RESULT " + result.outcome());
        }
    }

    /** Blocks until the test says go on (a line), or ends the process if the test has gone. */
    private static void awaitGo(java.io.BufferedReader go) {
        try {
            if (go.readLine() == null) {
                System.exit(3);
            }
        } catch (java.io.IOException e) {
            System.exit(3);
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
