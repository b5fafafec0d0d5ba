package memscope.app;

import javafx.application.Application;
import memscope.app.cli.Cli;

/**
 * Plain entry point: launching through a class that does not extend Application lets JavaFX run from the
 * classpath (exec:java) without module-path set-up.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (Cli.wants(args)) { // run, lesson, maps, --help, --version: no window, no JavaFX
            System.exit(Cli.run(args));
        }
        Application.launch(MemScopeApp.class, args);
    }
}
