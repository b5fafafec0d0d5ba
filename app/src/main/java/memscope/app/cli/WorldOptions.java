package memscope.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.SessionException;
import memscope.model.Sessions;
import memscope.model.elf.CoreFiles;
import memscope.model.elf.ElfException;
import memscope.model.elf.ElfLoader;
import memscope.model.elf.LoadedCore;
import memscope.model.elf.LoadedElf;
import memscope.model.linux.LinuxProcess;
import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioException;
import memscope.model.scenario.ScenarioLoader;
import picocli.CommandLine.Option;

/**
 * Where a command's kernel comes from: a scenario (the demo one when nothing is given), a saved session, and on
 * top of it a core dump, an ELF executable or a live Linux process, bound to the names {@code core}, {@code elf}
 * or {@code live} (and {@code NAME.root} for its root VMAR).
 */
final class WorldOptions {
    @Option(names = "--scenario", paramLabel = "FILE", descriptionKey = "cli.option.scenario")
    Path scenario;

    @Option(names = "--core", paramLabel = "FILE", descriptionKey = "cli.option.core")
    Path core;

    @Option(names = "--load-elf", paramLabel = "FILE", descriptionKey = "cli.option.loadElf")
    Path elf;

    @Option(names = "--attach", paramLabel = "PID", descriptionKey = "cli.option.attach")
    Integer pid;

    /** Builds the world; {@code session} (may be null) is a saved session to start from instead of a scenario. */
    World open(Path session, CliWords words) throws CliException {
        checkExclusive(words, session);
        World world = base(session, words);
        try {
            if (core != null) {
                Inputs.requireReadable(core, words);
                LoadedCore c = CoreFiles.open(world.kernel(), core);
                world.keepOpen(c);
                world.bindProcess("core", c.processHandle(), c.rootVmarHandle());
            } else if (elf != null) {
                Inputs.requireReadable(elf, words);
                LoadedElf e = ElfLoader.load(world.kernel(), elf);
                world.keepOpen(e);
                world.bindProcess("elf", e.processHandle(), e.rootVmarHandle());
            } else if (pid != null) {
                LinuxProcess p = LinuxProcess.attach(world.kernel(), pid);
                world.keepOpen(p);
                world.bindProcess("live", p.processHandle(), p.rootVmarHandle());
            }
        } catch (ElfException | IOException e) {
            world.close();
            throw new CliException(ExitCodes.BAD_INPUT, words.reason(e));
        } catch (CliException e) {
            world.close();
            throw e;
        }
        return world;
    }

    private World base(Path session, CliWords words) throws CliException {
        try {
            if (session != null) {
                Inputs.requireReadable(session, words);
                return new World(Sessions.load(session), Map.of());
            }
            if (scenario != null) {
                Inputs.requireReadable(scenario, words);
                LoadedScenario s = ScenarioLoader.load(scenario);
                return new World(s.kernel(), s.handles());
            }
            if (core != null || elf != null || pid != null) {
                return new World(Kernel.boot(BootOptions.defaults()), Map.of());
            }
            LoadedScenario demo = ScenarioLoader.loadDefault();
            return new World(demo.kernel(), demo.handles());
        } catch (ScenarioException | SessionException e) {
            throw new CliException(ExitCodes.BAD_INPUT, words.reason(e));
        } catch (IOException e) {
            throw Inputs.refused(session, e, words);
        }
    }

    private void checkExclusive(CliWords words, Path session) throws CliException {
        String[] given = {core != null ? "--core" : null, elf != null ? "--load-elf" : null,
                pid != null ? "--attach" : null};
        String first = null;
        for (String g : given) {
            if (g != null && first != null) {
                throw new CliException(ExitCodes.NOT_UNDERSTOOD, words.get("cli.usage.together", first, g));
            }
            first = first == null ? g : first;
        }
        if (session != null && scenario != null) {
            throw new CliException(ExitCodes.NOT_UNDERSTOOD, words.get("cli.usage.together", "--scenario",
                    "--session"));
        }
    }
}
