package memscope.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The command line: {@code [--scenario FILE] [--screenshot FILE.png]}. */
public record LaunchOptions(Optional<Path> scenario, Optional<Path> screenshot) {

    /** Throws {@link IllegalArgumentException} naming the problem for anything else. */
    public static LaunchOptions parse(List<String> args) {
        Path scenario = null;
        Path screenshot = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--scenario" -> scenario = Path.of(value(args, ++i, a));
                case "--screenshot" -> screenshot = Path.of(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown argument \"" + a
                        + "\" (usage: [--scenario FILE] [--screenshot FILE.png])");
            }
        }
        return new LaunchOptions(Optional.ofNullable(scenario), Optional.ofNullable(screenshot));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a file name");
        }
        return args.get(i);
    }
}
