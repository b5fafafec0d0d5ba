package memscope.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import memscope.model.io.NotRegularFileException;
import memscope.model.io.RegularFiles;
import memscope.model.script.ScriptFiles;

/** Files named on the command line: looked at before they are opened, so a named pipe never blocks a run. */
final class Inputs {
    private Inputs() {
    }

    /** Refuses anything but a readable regular file, naming the file and why. */
    static void requireReadable(Path file, CliWords words) throws CliException {
        try {
            RegularFiles.requireRegular(file);
        } catch (IOException e) {
            throw refused(file, e, words);
        }
        if (!Files.isReadable(file)) {
            throw new CliException(ExitCodes.BAD_INPUT, words.get("cli.file.problem", file,
                    words.get("cli.reason.accessDenied")));
        }
    }

    /** The text of a console script (UTF-8, at most {@link ScriptFiles#MAX_FILE_BYTES}). */
    static String script(Path file, CliWords words) throws CliException {
        requireReadable(file, words);
        try {
            return ScriptFiles.load(file);
        } catch (IOException e) {
            throw refused(file, e, words);
        }
    }

    static CliException refused(Path file, Exception e, CliWords words) {
        if (e instanceof NotRegularFileException n) { // its sentence starts with the file's name already
            return new CliException(ExitCodes.BAD_INPUT, words.render(n.text()));
        }
        return new CliException(ExitCodes.BAD_INPUT, words.get("cli.file.problem", file, words.reason(e)));
    }
}
