package ca.cpa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The contract tools from npm (package.json at the root; {@code npm ci} runs in the contracts
 * module's build), run from the repository's root as a developer would run them.
 */
public final class NodeTools {

    /** What a tool printed (standard output and error together) and how it ended. */
    public record Run(int exitCode, String output) {
    }

    private NodeTools() {
    }

    public static Path root() {
        return Path.of(System.getProperty("cpa.root", "..")).toAbsolutePath().normalize();
    }

    /** Runs {@code tool} (a command of node_modules/.bin, or node itself) with {@code arguments}. */
    public static Run run(Map<String, String> environment, String tool, String... arguments) {
        Path bin = root().resolve("node_modules/.bin").resolve(tool);
        if (!tool.equals("node") && !Files.isExecutable(bin)) {
            throw new IllegalStateException(bin + " is missing: run npm ci at the root (./mvnw verify does)");
        }
        List<String> command = new ArrayList<>();
        command.add(tool.equals("node") ? "node" : bin.toString());
        command.addAll(List.of(arguments));
        try {
            Path log = Files.createTempFile("cpa-node-tool", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(root().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 5 minutes");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Run run(String tool, String... arguments) {
        return run(Map.of(), tool, arguments);
    }
}
