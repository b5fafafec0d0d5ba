package memscope.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code memscope} as a user would: a separate JVM ({@code java -cp <the test class path> memscope.app.Main}
 * or any launcher), with its exit code, standard output and standard error. A run that does not end in a minute
 * is killed and reported, so a command that hangs (a named pipe read) fails the test instead of blocking it.
 */
record CliRun(int exitCode, String out, String err) {
    private static final long TIMEOUT_SECONDS = 60;

    /** {@code memscope ARGS} through {@code memscope.app.Main} on this JVM's class path, English by default. */
    static CliRun memscope(String... args) {
        return java(List.of("-Duser.language=en", "-Duser.country=US"), args);
    }

    /** As {@link #memscope} with JVM options first (e.g. a Chinese locale). */
    static CliRun java(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("memscope.app.Main");
        command.addAll(List.of(args));
        return exec(command, null);
    }

    /** Any command, e.g. an installed launcher; {@code dir} is its working directory (null: this one). */
    static CliRun exec(List<String> command, Path dir) {
        return exec(command, dir, Map.of());
    }

    /** As above, with {@code env} added to the environment. */
    static CliRun exec(List<String> command, Path dir, Map<String, String> env) {
        return exec(command, dir, env, TIMEOUT_SECONDS);
    }

    /** As above, killed and failed after {@code timeoutSeconds} (a window starts slowly on a loaded machine). */
    static CliRun exec(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().remove("DISPLAY"); // the command line needs no display
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not end within " + timeoutSeconds + " s");
            }
            return new CliRun(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> outLines() {
        return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
