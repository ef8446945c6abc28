package ca.cpa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The outside tools the benchmark drives (wrk, pgbench, Kafka's latency tool), and what they print. */
final class Tools {

    /** A wrk run: requests a second, latency percentiles in milliseconds, and answers that were not 2xx. */
    record LoadResult(double requestsPerSecond, double p50, double p99, long failed) {
    }

    /** A latency tool's percentiles in milliseconds. */
    record Latency(double p50, double p99) {
    }

    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$");

    private Tools() {
    }

    static void require(String tool, String install) {
        try {
            Process which = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
            if (which.waitFor() != 0) {
                throw new IllegalStateException(tool + " is not installed: " + install);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What several wrk runs of one call measured, run by run. */
    record Runs(List<Double> rates, List<Double> p50, List<Double> p99, long failed) {

        static Runs of(List<LoadResult> results) {
            return new Runs(results.stream().map(LoadResult::requestsPerSecond).toList(),
                    results.stream().map(LoadResult::p50).toList(), results.stream().map(LoadResult::p99).toList(),
                    results.stream().mapToLong(LoadResult::failed).sum());
        }

        Map<String, Object> asMap() {
            return Map.of("requestsPerSecond", rates, "p50Ms", p50, "p99Ms", p99, "failedAnswers", failed);
        }

        /** req/s · p50 ms · p99 ms, each the median (min–max) of the runs, and any answers not 2xx. */
        String quoted() {
            return Figures.of(rates).quoted(0) + " · " + Figures.of(p50).quoted(2) + " · " + Figures.of(p99).quoted(2)
                    + (failed > 0 ? " · **" + failed + " answers not 2xx**" : "");
        }
    }

    /**
     * Several calls measured in turns (a, b, a, b, ...) after a warm-up of each, so that none of
     * them meets a service warmed longer than the others did: one {@link Runs} per URL.
     */
    static List<Runs> wrkInTurns(List<String> urls, Path script, int connections, int seconds, int runs, int warmUpSeconds) {
        for (String url : urls) {
            wrk(url, script, connections, warmUpSeconds);
        }
        List<List<LoadResult>> results = new ArrayList<>();
        urls.forEach(url -> results.add(new ArrayList<>()));
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < urls.size(); i++) {
                results.get(i).add(wrk(urls.get(i), script, connections, seconds));
            }
        }
        return results.stream().map(Runs::of).toList();
    }

    /** wrk at {@code connections} connections for {@code seconds}; {@code script} sets method, body and headers. */
    static LoadResult wrk(String url, Path script, int connections, int seconds) {
        String out = run(List.of("wrk", "-t", "2", "-c", Integer.toString(connections), "-d", seconds + "s",
                "--latency", "-s", script.toString(), url), Map.of(), seconds + 60);
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        double rate = Double.NaN;
        long failed = 0;
        for (String line : out.lines().toList()) {
            Matcher percentile = PERCENTILE.matcher(line);
            if (percentile.matches()) {
                double value = Double.parseDouble(percentile.group(2)) * switch (percentile.group(3)) {
                    case "us" -> 0.001;
                    case "s" -> 1000.0;
                    default -> 1.0;
                };
                if (percentile.group(1).equals("50")) {
                    p50 = value;
                } else {
                    p99 = value;
                }
            } else if (line.startsWith("Requests/sec:")) {
                rate = Double.parseDouble(line.substring("Requests/sec:".length()).trim());
            } else if (line.trim().startsWith("Non-2xx or 3xx responses:")) {
                failed += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.trim().startsWith("Socket errors:")) {
                for (String count : line.replaceAll("[^0-9 ]", " ").trim().split("\\s+")) {
                    failed += Long.parseLong(count);
                }
            }
        }
        if (Double.isNaN(rate) || Double.isNaN(p50) || Double.isNaN(p99)) {
            throw new IllegalStateException("wrk printed no figures:\n" + out);
        }
        return new LoadResult(rate, p50, p99, failed);
    }

    /** A wrk script: the method, body and headers of every request. */
    static Path wrkScript(String method, String body, Map<String, String> headers) {
        return luaFile(wrkScriptText(method, headers) + (body == null ? "" : "wrk.body = [[" + body + "]]\n"));
    }

    /**
     * A wrk script whose every request has a body of its own: {@code CODE} in {@code body} is
     * replaced by a code no other request of any run uses (creates with a unique key).
     */
    static Path wrkUniqueScript(String method, String body, Map<String, String> headers) {
        int at = body.indexOf("CODE");
        StringBuilder lua = new StringBuilder(wrkScriptText(method, headers))
                .append("math.randomseed(os.time())\n")
                .append("local prefix = string.format(\"%d%04d\", os.time() % 1000000, math.random(0, 9999))\n")
                .append("local thread_number = 0\n")
                .append("function setup(thread) thread_number = thread_number + 1; thread:set(\"thread_id\", thread_number) end\n")
                .append("local counter = 0\n")
                .append("function request()\n  counter = counter + 1\n")
                .append("  return wrk.format(nil, nil, nil, [[").append(body, 0, at).append("]] .. \"B\" .. prefix .. \"-\" .. thread_id .. \"-\" .. counter .. [[")
                .append(body.substring(at + "CODE".length())).append("]])\nend\n");
        return luaFile(lua.toString());
    }

    private static String wrkScriptText(String method, Map<String, String> headers) {
        StringBuilder lua = new StringBuilder("wrk.method = \"" + method + "\"\n");
        headers.forEach((name, value) -> lua.append("wrk.headers[\"").append(name).append("\"] = \"").append(value).append("\"\n"));
        return lua.toString();
    }

    private static Path luaFile(String lua) {
        try {
            Path file = Files.createTempFile("cpa-bench-", ".lua");
            file.toFile().deleteOnExit();
            return Files.writeString(file, lua);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** pgbench running {@code script} at {@code clients} clients for {@code seconds}: transactions a second. */
    static double pgbench(String host, int port, String user, String database, Path script, int clients, int seconds) {
        String out = run(List.of("pgbench", "-n", "-h", host, "-p", Integer.toString(port), "-U", user,
                "-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds), "-f", script.toString(), database),
                Map.of("PGCONNECT_TIMEOUT", "10"), seconds + 60);
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no rate:\n" + out);
        }
        return Double.parseDouble(tps.group(1));
    }

    /** Kafka's EndToEndLatency (produce, then consume, one message at a time) on {@code topic}. */
    static Latency kafkaEndToEnd(String classpath, String bootstrapServers, String topic, int messages) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String out = run(List.of(java, "-Xmx256m", "-cp", classpath, "org.apache.kafka.tools.EndToEndLatency",
                bootstrapServers, topic, Integer.toString(messages), "all", "512"), Map.of(), 300);
        Matcher percentiles = Pattern.compile("50th = ([0-9.]+), 99th = ([0-9.]+)").matcher(out);
        if (!percentiles.find()) {
            throw new IllegalStateException("EndToEndLatency printed no percentiles:\n" + out);
        }
        return new Latency(Double.parseDouble(percentiles.group(1)), Double.parseDouble(percentiles.group(2)));
    }

    private static String run(List<String> command, Map<String, String> environment, int timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(0, 1)) + " failed:\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
