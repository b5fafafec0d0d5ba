package memscope.model.bench;

import java.util.Arrays;
import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.ProcessResult;
import memscope.model.VmOptions;

/**
 * A second opinion on "64 MiB writeMemory within 1.5x of a 64 MiB arraycopy" for a busy machine: JMH times the
 * two benchmarks minutes apart, so other processes' load lands unevenly on them. This alternates the two, one
 * after the other, and compares their minima and medians. Not a JMH benchmark; run it from the repository top with
 * {@code mvn -q -pl model test-compile && java -Xmx1g -cp model/target/test-classes:model/target/classes
 * memscope.model.bench.CopyRatioCheck}.
 */
public final class CopyRatioCheck {
    private static final int SIZE = 64 * 1024 * 1024;
    private static final int ROUNDS = 60;

    private CopyRatioCheck() {
    }

    public static void main(String[] args) {
        Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        ProcessResult p = kernel.processCreate("ratio");
        int vmo = kernel.vmoCreate(SIZE, 0).handle();
        long at = kernel.vmarMap(p.rootVmar(), VmOptions.PERM_READ | VmOptions.PERM_WRITE, 0, vmo, 0, SIZE)
                .address();
        byte[] source = WriteMemoryBenchmark.filled(SIZE);
        byte[] target = new byte[SIZE];
        WriteMemoryBenchmark.requireFull(kernel.writeMemory(p.process(), at, source, SIZE), SIZE);
        long[] writes = new long[ROUNDS];
        long[] copies = new long[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            WriteMemoryBenchmark.requireFull(kernel.writeMemory(p.process(), at, source, SIZE), SIZE);
            long t1 = System.nanoTime();
            System.arraycopy(source, 0, target, 0, SIZE);
            long t2 = System.nanoTime();
            writes[r] = t1 - t0;
            copies[r] = t2 - t1;
        }
        Arrays.sort(writes);
        Arrays.sort(copies);
        System.out.printf("64 MiB writeMemory: min %.2f ms, median %.2f ms%n", writes[0] / 1e6,
                writes[ROUNDS / 2] / 1e6);
        System.out.printf("64 MiB arraycopy:   min %.2f ms, median %.2f ms%n", copies[0] / 1e6,
                copies[ROUNDS / 2] / 1e6);
        System.out.printf("ratio: min %.2f, median %.2f (target <= 1.5)%n", (double) writes[0] / copies[0],
                (double) writes[ROUNDS / 2] / copies[ROUNDS / 2]);
    }
}
