package ca.cpa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A process's memory as Linux counts it, with the processes it started (PostgreSQL's workers):
 * resident (RSS, what {@code top} shows) and proportional (PSS: shared pages divided among the
 * processes sharing them, so a sum over processes does not count PostgreSQL's shared buffers
 * once per worker).
 */
record ProcessMemory(double rssMb, double pssMb) {

    static ProcessMemory of(long pid) {
        double rss = 0;
        double pss = 0;
        for (long process : withDescendants(pid)) {
            rss += kilobytes(Path.of("/proc", Long.toString(process), "status"), "VmRSS:");
            pss += kilobytes(Path.of("/proc", Long.toString(process), "smaps_rollup"), "Pss:");
        }
        return new ProcessMemory(rss / 1024, pss / 1024);
    }

    private static List<Long> withDescendants(long pid) {
        List<Long> family = new ArrayList<>(List.of(pid));
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            List<long[]> parents = processes
                    .filter(path -> path.getFileName().toString().matches("\\d+"))
                    .map(path -> new long[] {Long.parseLong(path.getFileName().toString()), parentOf(path)})
                    .toList();
            for (int i = 0; i < family.size(); i++) {
                long parent = family.get(i);
                parents.stream().filter(entry -> entry[1] == parent).forEach(entry -> family.add(entry[0]));
            }
        } catch (IOException unreadable) {
            // only the process itself, then
        }
        return family;
    }

    private static long parentOf(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // after the command in parentheses: state, then the parent's id
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    private static double kilobytes(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return Double.parseDouble(line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException gone) {
            // a worker that ended meanwhile counts nothing
        }
        return 0;
    }
}
