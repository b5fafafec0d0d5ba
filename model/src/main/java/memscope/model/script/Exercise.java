package memscope.model.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import memscope.model.Kernel;
import memscope.model.KernelListener;
import memscope.model.Rule;
import memscope.model.Subscription;
import memscope.model.SyscallRecord;
import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioException;
import memscope.model.scenario.ScenarioLoader;

/**
 * A prediction exercise on the demo world: five random calls (a handle, its rights, an address, a size), each to be
 * answered before any answer is shown. The same seed gives the same five calls, and so the same answers: each call
 * runs on a fresh demo kernel, so no call's answer depends on another's. The rule that decided each call comes
 * from the kernel's own {@link SyscallRecord}.
 */
public final class Exercise {
    public static final int CALLS = 5;

    /** Interesting addresses of the demo world (see the README's table): every rule has one. */
    private static final long[] ADDRESSES = {0x1000000L, 0x1003ffeL, 0x1004000L, 0x1100000L, 0x1101ffcL,
        0x1102000L, 0x3000000L, 0x4000000L, 0x6000000L, 0x6001000L, 0x7fffffffd000L};
    private static final long[] SIZES = {1, 4, 8, 16, 0, 0x4000001};
    private static final String[] RIGHTS = {"READ", "WRITE", "INSPECT"};
    /** Handles of the demo world: full rights, READ|INSPECT, a dead process, a VMO (not a process). */
    private static final String[] HANDLES = {"app", "app", "app", "app.ro", "worker", "code"};

    /**
     * One call: an optional setting-up line (a {@code dup} giving the rights) and the call itself, both console
     * lines ({@code CONSOLE.md}).
     */
    public record Call(int number, String setup, String command) {
        /** The lines as the student reads them: {@code dup ...; write ...}. */
        public String shown() {
            return setup == null ? command : setup + "; " + command;
        }
    }

    /**
     * A call's answer, shown once every prediction is in: {@code record} is the call's own syscall record, and
     * {@code cachePolicy} the cache policy of the VMO a NOT_CACHEABLE rule names (else null), since the kernel that
     * answered is gone by the time the answer is worded.
     */
    public record Answer(Call call, String predicted, SyscallRecord record, String cachePolicy) {
        public String status() {
            return record.resultName();
        }

        public boolean right() {
            return predicted.equals(status());
        }
    }

    private final long seed;
    private final List<Call> calls;
    private final List<Answered> records;
    private final String[] predictions = new String[CALLS];

    /** What a call's fresh kernel answered. */
    private record Answered(SyscallRecord record, String cachePolicy) {
    }

    private Exercise(long seed, List<Call> calls, List<Answered> records) {
        this.seed = seed;
        this.calls = List.copyOf(calls);
        this.records = List.copyOf(records);
    }

    /** The five calls for {@code seed}, answered on fresh demo kernels (answers withheld until predicted). */
    public static Exercise generate(long seed) throws ScenarioException {
        Random random = new Random(seed); // java.util.Random's sequence is fixed by its specification
        List<Call> calls = new ArrayList<>();
        List<Answered> records = new ArrayList<>();
        for (int n = 1; n <= CALLS; n++) {
            Call call = call(n, random);
            calls.add(call);
            records.add(answer(call));
        }
        return new Exercise(seed, calls, records);
    }

    private static Call call(int n, Random random) {
        String handle = HANDLES[random.nextInt(HANDLES.length)];
        String setup = null;
        if (handle.equals("app") && random.nextBoolean()) {
            // a handle with fewer rights: any non-empty subset of READ, WRITE, INSPECT
            int mask = 1 + random.nextInt(7);
            List<String> rights = new ArrayList<>();
            for (int i = 0; i < RIGHTS.length; i++) {
                if ((mask & (1 << i)) != 0) {
                    rights.add(RIGHTS[i]);
                }
            }
            handle = "ex" + n;
            setup = "dup app rights=" + String.join("|", rights) + " as " + handle;
        }
        long address = ADDRESSES[random.nextInt(ADDRESSES.length)];
        long size = SIZES[random.nextInt(SIZES.length)];
        boolean write = random.nextInt(4) != 0;
        String at = "0x" + Long.toHexString(address);
        String command;
        if (!write) {
            command = "read " + handle + " " + at + " " + size;
        } else if (size == 0) {
            command = "write " + handle + " " + at + " \"\"";
        } else if (size > 16) {
            command = "write " + handle + " " + at + " cc size=0x" + Long.toHexString(size);
        } else {
            command = "write " + handle + " " + at + " cc".repeat((int) size);
        }
        return new Call(n, setup, command);
    }

    /** Runs {@code call} on a fresh demo kernel; the record of its last syscall. */
    private static Answered answer(Call call) throws ScenarioException {
        LoadedScenario world = ScenarioLoader.loadDefault();
        Kernel kernel = world.kernel();
        SyscallRecord[] last = new SyscallRecord[1];
        Subscription s = kernel.subscribe(new KernelListener() {
            @Override
            public void syscallCompleted(SyscallRecord record) {
                last[0] = record;
            }
        });
        try {
            RunResult run = ConsoleSession.forScenario(world).run(call.setup() == null ? call.command()
                    : call.setup() + "\n" + call.command());
            if (!run.ran() || last[0] == null) {
                throw new IllegalStateException("exercise call does not run: " + call.shown());
            }
            String policy = last[0].rule() != Rule.NOT_CACHEABLE ? null : kernel.inspector()
                    .vmo(last[0].ruleAddress()).map(v -> v.cachePolicy().name()).orElse(null);
            return new Answered(last[0], policy);
        } finally {
            s.close();
        }
    }

    public long seed() {
        return seed;
    }

    public List<Call> calls() {
        return calls;
    }

    /**
     * Records the prediction for call {@code number} (1 to 5): a status name such as {@code ZX_OK}. Refused (false,
     * nothing changes) for another number, an unknown status, or once the answers are out.
     */
    public boolean predict(int number, String status) {
        if (number < 1 || number > CALLS || !knownStatus(status) || missing() == 0) {
            return false;
        }
        predictions[number - 1] = status;
        return true;
    }

    /** The prediction for call {@code number}, if made. */
    public Optional<String> prediction(int number) {
        return number < 1 || number > CALLS ? Optional.empty() : Optional.ofNullable(predictions[number - 1]);
    }

    /** How many calls still wait for a prediction. */
    public int missing() {
        int n = 0;
        for (String p : predictions) {
            n += p == null ? 1 : 0;
        }
        return n;
    }

    /** The answers, each marked: empty until every call has its prediction. */
    public Optional<List<Answer>> answers() {
        if (missing() > 0) {
            return Optional.empty();
        }
        List<Answer> out = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            out.add(new Answer(calls.get(i), predictions[i], records.get(i).record(), records.get(i).cachePolicy()));
        }
        return Optional.of(out);
    }

    static boolean knownStatus(String name) {
        for (memscope.model.Status s : memscope.model.Status.values()) {
            if (s.zxName().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
