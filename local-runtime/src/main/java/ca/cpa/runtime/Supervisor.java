package ca.cpa.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the parts of a running suite running, as Compose's {@code restart: unless-stopped} does: a part
 * whose process ends without being stopped on purpose is noted (its exit status and its log) and
 * started again after a delay that doubles with each exit. A part that exits
 * {@link Policy#maxExits()} times within {@link Policy#window()} is given up on and reported, not
 * started again and again. A part stopped on purpose has no process any more ({@link Part#process()}
 * is null) and is left alone.
 * <p>
 * The state of every part goes to {@code suite.status} in the data directory ({@code ./cpa status}
 * prints it). {@code ./cpa up} on a running suite writes {@code suite.up-request}: every part not
 * running is then started, and what was done is answered in {@code suite.up-answer}.
 * One thread does all of it, a part at a time in the suite's order, so PostgreSQL and the broker
 * come back before the services that need them.
 */
public final class Supervisor implements AutoCloseable {

    /** When parts are started again and when they are given up on; each overridable by its variable. */
    public record Policy(int maxExits, Duration window, Duration delay, Duration maxDelay) {

        /** From {@code CPA_RESTART_MAX_EXITS} (5), {@code CPA_RESTART_WINDOW} (5m), {@code CPA_RESTART_DELAY} (1s), {@code CPA_RESTART_MAX_DELAY} (30s). */
        public static Policy fromEnvironment(Map<String, String> environment) {
            String exits = environment.getOrDefault("CPA_RESTART_MAX_EXITS", "5").trim();
            int maxExits;
            try {
                maxExits = Integer.parseInt(exits);
            } catch (NumberFormatException notANumber) {
                maxExits = 0;
            }
            if (maxExits < 1) {
                throw new IllegalArgumentException("CPA_RESTART_MAX_EXITS must be a number from 1, not " + exits);
            }
            return new Policy(maxExits, duration(environment, "CPA_RESTART_WINDOW", "5m"),
                    duration(environment, "CPA_RESTART_DELAY", "1s"), duration(environment, "CPA_RESTART_MAX_DELAY", "30s"));
        }

        /** The wait before starting a part again after its {@code exits}-th exit within the window. */
        Duration delayAfter(int exits) {
            Duration wait = delay;
            for (int exit = 1; exit < exits && wait.compareTo(maxDelay) < 0; exit++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
        }

        private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

        private static Duration duration(Map<String, String> environment, String variable, String fallback) {
            String value = environment.getOrDefault(variable, fallback).trim();
            Matcher matcher = DURATION.matcher(value);
            if (!matcher.matches()) {
                throw new IllegalArgumentException(variable + " must be a duration such as 500ms, 10s or 5m, not " + value);
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
    }

    public enum State {
        RUNNING, RESTARTING, GIVEN_UP, STOPPED;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** One part as {@code ./cpa status} shows it; {@code pid} is null while none runs, {@code lastExit} until it first exits. */
    public record Status(String name, State state, Long pid, int port, int restarts, String lastExit, Path log) {
    }

    /** A part of the suite: a replica of a service, the broker, the embedded PostgreSQL. */
    interface Part {
        String name();

        int port();

        Path log();

        /** Its process, or null once it was stopped on purpose. */
        Watched process();

        /**
         * Starts the part if its process is still {@code expected} (one that has ended, or null) and
         * returns once it is ready; returns false, doing nothing, when it was meanwhile started or
         * stopped by someone else.
         */
        boolean startIfStill(Watched expected) throws Exception;
    }

    /** A process watched: a child of this JVM, whose exit status is known, or another (PostgreSQL's server, started by pg_ctl). */
    record Watched(ProcessHandle handle, Process child) {

        static Watched of(Process child) {
            return new Watched(child.toHandle(), child);
        }

        static Watched of(ProcessHandle handle) {
            return new Watched(handle, null);
        }

        long pid() {
            return handle.pid();
        }

        boolean isAlive() {
            return child != null ? child.isAlive() : handle.isAlive() && !isZombie();
        }

        /** Not reaped yet (where nothing reaps orphans, a container's first process say): it has ended all the same. */
        private boolean isZombie() {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
                return stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
            } catch (IOException | RuntimeException noProcFileSystem) {
                return false;
            }
        }

        /** How it ended, e.g. {@code exit status 137 (signal 9)}. */
        String exit() {
            if (child == null) {
                return "exit status unknown";
            }
            int status = child.exitValue();
            return status > 128 ? "exit status " + status + " (signal " + (status - 128) + ")" : "exit status " + status;
        }
    }

    /** What the supervisor knows of one part; guarded by the supervisor. */
    private static final class Tracked {
        final Part part;
        State state = State.RUNNING;
        Long pid;
        Watched counted;
        final Deque<Instant> exits = new ArrayDeque<>();
        Instant restartAt;
        int restarts;
        String lastExit;

        Tracked(Part part, Watched running) {
            this.part = part;
            this.pid = running == null ? null : running.pid();
        }
    }

    static final String STATUS_FILE = "suite.status";
    static final String REQUEST_FILE = "suite.up-request";
    static final String ANSWER_FILE = "suite.up-answer";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final List<Tracked> parts;
    private final Policy policy;
    private final Path directory;
    private final Consumer<String> notes;
    private final Thread thread;
    private volatile boolean closing;

    private Supervisor(List<Part> parts, Policy policy, Path directory, Consumer<String> notes) {
        this.parts = parts.stream().map(part -> new Tracked(part, part.process())).toList();
        this.policy = policy;
        this.directory = directory;
        this.notes = notes;
        this.thread = new Thread(this::run, "cpa-supervisor");
        this.thread.setDaemon(true);
    }

    /** Watches {@code parts} (running now) from now on, noting what it does in {@code notes}; its files go in {@code directory}. */
    static Supervisor start(List<Part> parts, Policy policy, Path directory, Consumer<String> notes) {
        Supervisor supervisor = new Supervisor(parts, policy, directory, notes);
        supervisor.writeStatus();
        supervisor.thread.start();
        return supervisor;
    }

    public synchronized List<Status> status() {
        return parts.stream().map(tracked -> new Status(tracked.part.name(), tracked.state, tracked.pid, tracked.part.port(),
                tracked.restarts, tracked.lastExit, tracked.part.log())).toList();
    }

    /** Stops watching (a restart under way is interrupted) and removes the status file: what runs is the caller's to stop. */
    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(directory.resolve(STATUS_FILE));
        } catch (IOException ignored) {
            // a stale file is ignored: ./cpa status reads it only while the launcher runs
        }
    }

    private void run() {
        while (!closing) {
            try {
                for (Tracked tracked : parts) {
                    if (!closing) {
                        watch(tracked);
                    }
                }
                if (!closing) {
                    answerUpRequest();
                }
                Pause.of(Pause.BETWEEN_POLLS);
            } catch (RuntimeException e) {
                if (!closing) {
                    // watching goes on whatever one look at a part met
                    note("supervisor: " + e);
                    Thread.interrupted();
                    Pause.of(Pause.BETWEEN_POLLS);
                }
            }
        }
    }

    private void watch(Tracked tracked) {
        Watched process = tracked.part.process();
        if (process == null) {
            changeTo(tracked, State.STOPPED, null);
        } else if (process.isAlive()) {
            synchronized (this) {
                if (tracked.state == State.STOPPED || tracked.state == State.GIVEN_UP) {
                    tracked.exits.clear(); // started again on purpose: a fresh count
                }
            }
            changeTo(tracked, State.RUNNING, process.pid());
        } else if (!process.equals(tracked.counted)) {
            tracked.counted = process;
            exited(tracked, process.exit(), "exited unexpectedly (" + process.exit() + ")");
        } else if (isDue(tracked)) {
            restart(tracked, process);
        }
    }

    private synchronized boolean isDue(Tracked tracked) {
        return tracked.state == State.RESTARTING && !Instant.now().isBefore(tracked.restartAt);
    }

    private void restart(Tracked tracked, Watched ended) {
        Instant begin = Instant.now();
        note(tracked.part.name() + " starting again");
        try {
            if (tracked.part.startIfStill(ended)) {
                started(tracked, true);
                note(tracked.part.name() + " ready again (pid " + pidOf(tracked) + ", restart " + tracked.restarts
                        + ") in " + seconds(begin));
            }
        } catch (Exception e) {
            if (!closing) {
                synchronized (this) {
                    tracked.restarts++;
                }
                failedToStart(tracked, e);
            }
        }
    }

    /** A start that failed counts as an exit; the process it left, if any, is not counted again. */
    private void failedToStart(Tracked tracked, Exception failure) {
        Watched left = tracked.part.process();
        if (left != null && !left.isAlive()) {
            tracked.counted = left;
        }
        exited(tracked, "did not start: " + failure.getMessage(), "did not start (" + failure.getMessage() + ")");
    }

    /** Counts an exit ({@code event} for the status, {@code sentence} for the log) and decides what follows. */
    private void exited(Tracked tracked, String event, String sentence) {
        Instant now = Instant.now();
        String note;
        synchronized (this) {
            tracked.exits.addLast(now);
            while (tracked.exits.peekFirst().isBefore(now.minus(policy.window()))) {
                tracked.exits.removeFirst();
            }
            tracked.lastExit = event + " at " + time(now);
            tracked.pid = null;
            int exits = tracked.exits.size();
            note = tracked.part.name() + " " + sentence + "; log " + tracked.part.log() + "; ";
            if (exits >= policy.maxExits()) {
                tracked.state = State.GIVEN_UP;
                note += exits + " exits within " + policy.window().toSeconds() + " s: given up (./cpa up starts it again)";
            } else {
                Duration delay = policy.delayAfter(exits);
                tracked.state = State.RESTARTING;
                tracked.restartAt = now.plus(delay);
                note += "starting it again in " + delay.toMillis() + " ms";
            }
            writeStatus();
        }
        note(note);
    }

    private void started(Tracked tracked, boolean restart) {
        Watched process = tracked.part.process();
        synchronized (this) {
            if (restart) {
                tracked.restarts++;
            } else {
                tracked.exits.clear();
            }
            tracked.state = State.RUNNING;
            tracked.pid = process == null ? null : process.pid();
            writeStatus();
        }
    }

    private void changeTo(Tracked tracked, State state, Long pid) {
        synchronized (this) {
            if (tracked.state == state && Objects.equals(tracked.pid, pid)) {
                return;
            }
            tracked.state = state;
            tracked.pid = pid;
            writeStatus();
        }
    }

    /** {@code ./cpa up} on a running suite: every part not running is started, in order, and the answer says what was done. */
    private void answerUpRequest() {
        Path request = directory.resolve(REQUEST_FILE);
        if (!Files.exists(request)) {
            return;
        }
        String id;
        try {
            id = Files.readString(request).trim();
            Files.delete(request);
        } catch (IOException e) {
            note("cannot read " + request + ": " + e.getMessage());
            return;
        }
        List<String> answer = new ArrayList<>(List.of(id));
        answer.addAll(startMissing());
        writeAtomically(directory.resolve(ANSWER_FILE), String.join("\n", answer) + "\n");
    }

    private List<String> startMissing() {
        List<String> done = new ArrayList<>();
        for (Tracked tracked : parts) {
            Watched process = tracked.part.process();
            if (closing || process != null && process.isAlive()) {
                continue;
            }
            Instant begin = Instant.now();
            note(tracked.part.name() + " starting (./cpa up)");
            try {
                if (tracked.part.startIfStill(process)) {
                    started(tracked, false);
                    String line = tracked.part.name() + " started (pid " + pidOf(tracked) + ", port " + tracked.part.port()
                            + ") in " + seconds(begin);
                    note(line);
                    done.add("cpa: " + line);
                }
            } catch (Exception e) {
                if (!closing) {
                    failedToStart(tracked, e);
                    done.add("cpa: " + tracked.part.name() + " did not start: " + e.getMessage() + " (log "
                            + tracked.part.log() + ")");
                }
            }
        }
        if (done.isEmpty()) {
            done.add("cpa: all parts are running; nothing to start");
        }
        return done;
    }

    private synchronized Long pidOf(Tracked tracked) {
        return tracked.pid;
    }

    /** Called with each change, under the lock, so the file never shows an older state than {@link #status()}. */
    private synchronized void writeStatus() {
        writeAtomically(directory.resolve(STATUS_FILE), render(status()));
    }

    /** The table {@code ./cpa status} prints, and a last line saying whether all runs. */
    static String render(List<Status> statuses) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-24s %-11s %-8s %-6s %-9s %s%n",
                "PART", "STATE", "PID", "PORT", "RESTARTS", "LAST EXIT"));
        List<String> notRunning = new ArrayList<>();
        for (Status status : statuses) {
            text.append(String.format(Locale.ROOT, "%-24s %-11s %-8s %-6d %-9d %s%n", status.name(), status.state().label(),
                    status.pid() == null ? "-" : status.pid(), status.port(), status.restarts(),
                    status.lastExit() == null ? "-" : status.lastExit()));
            if (status.state() != State.RUNNING) {
                notRunning.add(status.name() + " (" + status.state().label() + "; log " + status.log() + ")");
            }
        }
        if (notRunning.isEmpty()) {
            text.append("cpa: all parts running\n");
        } else {
            text.append("cpa: not running: ").append(String.join(", ", notRunning))
                    .append("\ncpa: ./cpa up starts what is not running\n");
        }
        return text.toString();
    }

    private void writeAtomically(Path file, String text) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.writeString(partial, text);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!closing) {
                note("cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    private void note(String line) {
        notes.accept(time(Instant.now()) + " " + line);
    }

    private static String time(Instant instant) {
        return LocalTime.ofInstant(instant, ZoneId.systemDefault()).format(TIME);
    }

    private static String seconds(Instant since) {
        return String.format(Locale.ROOT, "%.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }
}
