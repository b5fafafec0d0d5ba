package memscope.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import memscope.app.associations.DesktopFile;
import memscope.app.text.RefusedInputException;

/**
 * The command line: {@code [--scenario FILE] [--open FILE | FILE | --load-elf FILE | --core FILE]
 * [--attach PID] [--screenshot FILE.png]}. A bare {@code FILE.msc} or {@code FILE.memscope} (as the desktop
 * opens them) is a console script or a session, see {@link DesktopFile}.
 *
 * @param attach a live Linux process to attach to (memscope.app.live)
 * @param script a console script to load into the console (memscope.app.associations)
 * @param session a session to load in place of the demo
 */
public record LaunchOptions(Optional<Path> scenario, Optional<Path> screenshot, Optional<Path> open,
                            java.util.OptionalInt attach, Optional<Path> loadElf, Optional<Path> core,
                            Optional<Path> script, Optional<Path> session) {
    public LaunchOptions(Optional<Path> scenario, Optional<Path> screenshot, Optional<Path> open,
                         java.util.OptionalInt attach, Optional<Path> loadElf, Optional<Path> core) {
        this(scenario, screenshot, open, attach, loadElf, core, Optional.empty(), Optional.empty());
    }

    public LaunchOptions(Optional<Path> scenario, Optional<Path> screenshot) {
        this(scenario, screenshot, Optional.empty());
    }

    public LaunchOptions(Optional<Path> scenario, Optional<Path> screenshot, Optional<Path> open) {
        this(scenario, screenshot, open, java.util.OptionalInt.empty(), Optional.empty(), Optional.empty());
    }

    /** Throws {@link RefusedInputException} naming the problem for anything else. */
    public static LaunchOptions parse(List<String> args) {
        Path scenario = null;
        Path screenshot = null;
        Path open = null;
        Integer attach = null;
        Path loadElf = null;
        Path core = null;
        Path script = null;
        Path session = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--scenario" -> scenario = Path.of(value(args, ++i, a));
                case "--screenshot" -> screenshot = Path.of(value(args, ++i, a));
                case "--open" -> open = once(open, Path.of(value(args, ++i, a)));
                case "--attach" -> attach = pid(value(args, ++i, a));
                case "--load-elf" -> loadElf = once(loadElf, Path.of(value(args, ++i, a)));
                case "--core" -> core = once(core, Path.of(value(args, ++i, a)));
                default -> {
                    if (a.startsWith("--")) {
                        throw new RefusedInputException("launch.unknown", a);
                    }
                    // a bare name is the file to edit, unless the desktop associates it with MemScope
                    Path file = Path.of(a);
                    switch (DesktopFile.of(file)) {
                        case SCRIPT -> script = once(script, file);
                        case SESSION -> session = once(session, file);
                        default -> open = once(open, file);
                    }
                }
            }
        }
        // one document at a time: a file, an executable or a core, each in a kernel of its own
        int documents = (open != null ? 1 : 0) + (loadElf != null ? 1 : 0) + (core != null ? 1 : 0)
                + (session != null ? 1 : 0);
        if (documents > 1) {
            throw new RefusedInputException("launch.twoFiles");
        }
        if (documents > 0 && scenario != null) {
            throw new RefusedInputException("launch.scenarioAndFile");
        }
        if (attach != null && (documents > 0 || scenario != null)) {
            throw new RefusedInputException("launch.attachAndFile");
        }
        return new LaunchOptions(Optional.ofNullable(scenario), Optional.ofNullable(screenshot),
                Optional.ofNullable(open), attach == null ? java.util.OptionalInt.empty()
                        : java.util.OptionalInt.of(attach), Optional.ofNullable(loadElf), Optional.ofNullable(core),
                Optional.ofNullable(script), Optional.ofNullable(session));
    }

    private static int pid(String text) {
        try {
            int pid = Integer.parseInt(text);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new RefusedInputException("launch.badPid", text);
    }

    private static Path once(Path already, Path file) {
        if (already != null) {
            throw new RefusedInputException("launch.twoFiles");
        }
        return file;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new RefusedInputException("launch.needsFile", option);
        }
        return args.get(i);
    }
}
