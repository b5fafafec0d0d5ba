package memscope.app.cli;

import java.io.PrintStream;

/** What every subcommand prints to and in which language. */
record CliContext(PrintStream out, PrintStream err, CliWords words) {
}
