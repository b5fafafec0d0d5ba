package memscope.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import memscope.app.text.RefusedInputException;

/** The command line: {@code [--scenario FILE] [--open FILE | FILE] [--screenshot FILE.png]}. */
public record LaunchOptions(Optional<Path> scenario, Optional<Path> screenshot, Optional<Path> open) {
    public LaunchOptions(Optional<Path> scenario, Optional<Path> screenshot) {
        this(scenario, screenshot, Optional.empty());
    }

    /** Throws {@link RefusedInputException} naming the problem for anything else. */
    public static LaunchOptions parse(List<String> args) {
        Path scenario = null;
        Path screenshot = null;
        Path open = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--scenario" -> scenario = Path.of(value(args, ++i, a));
                case "--screenshot" -> screenshot = Path.of(value(args, ++i, a));
                case "--open" -> open = once(open, Path.of(value(args, ++i, a)));
                default -> {
                    if (a.startsWith("--")) {
                        throw new RefusedInputException("launch.unknown", a);
                    }
                    open = once(open, Path.of(a)); // a bare name is the file to edit
                }
            }
        }
        if (open != null && scenario != null) {
            throw new RefusedInputException("launch.scenarioAndFile");
        }
        return new LaunchOptions(Optional.ofNullable(scenario), Optional.ofNullable(screenshot),
                Optional.ofNullable(open));
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
