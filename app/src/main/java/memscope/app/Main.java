package memscope.app;

import javafx.application.Application;
import memscope.app.cli.Cli;

/**
 * Plain entry point: the command line needs no JavaFX, and a class that does not extend Application also starts
 * the window from the class path (exec:java, the tests); exec:exec and the app image start it as a module.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        memscope.app.startup.StartupTrace.mark("JVM start to main()");
        if (Cli.wants(args)) { // run, lesson, maps, --help, --version: no window, no JavaFX
            System.exit(Cli.run(args));
        }
        EarlyScenario.start(java.util.List.of(args)); // while the toolkit starts (issue 14: start-up)
        memscope.app.startup.StartupTrace.mark("command line checked (Cli.wants), scenario loading begun");
        Application.launch(MemScopeApp.class, args);
    }
}
