package ca.cpa.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The supervisor on small processes of its own ({@code sleep}, a shell that exits at once) in
 * place of the suite's parts; resilience-tests watches it restart the real broker and a service.
 */
class SupervisorTest {

    private static final Supervisor.Policy QUICK = new Supervisor.Policy(3, Duration.ofMinutes(5), Duration.ofMillis(10),
            Duration.ofMillis(100));
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> SLEEPING = List.of("sleep", "600");
    private static final List<String> FAILING = List.of("sh", "-c", "exit 3");

    @TempDir
    Path directory;
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final List<FakePart> parts = new ArrayList<>();
    private Supervisor supervisor;

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.close();
        }
        parts.forEach(FakePart::stopOnPurpose);
    }

    @Test
    void aPartKilledFromOutsideIsStartedAgainAsANewProcessAndItsExitIsReported() throws Exception {
        FakePart sleeper = part("sleeper", SLEEPING);
        supervise();
        long pid = sleeper.pid();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        Supervisor.Status status = await(s -> s.state() == Supervisor.State.RUNNING && s.restarts() == 1);
        assertNotEquals(pid, status.pid());
        assertEquals(sleeper.pid(), status.pid());
        assertEquals(2, sleeper.starts.get());
        assertTrue(status.lastExit().startsWith("exit status 137 (signal 9) at "), status.lastExit());
        assertTrue(notes.stream().anyMatch(note -> note.contains("sleeper exited unexpectedly (exit status 137 (signal 9)); log "
                + sleeper.log + "; starting it again in 10 ms")), notes.toString());
        String file = Files.readString(directory.resolve(Supervisor.STATUS_FILE));
        assertTrue(file.matches("(?s).*\\nsleeper +running +" + status.pid() + " +7001 +1 +exit status 137 \\(signal 9\\) at .*"),
                file);
        assertTrue(file.endsWith("cpa: all parts running\n"), file);
    }

    @Test
    void aPartThatKeepsExitingIsGivenUpOnAndReportedUntilAnUpRequestStartsIt() throws Exception {
        FakePart sleeper = part("sleeper", SLEEPING);
        FakePart crasher = part("crasher", FAILING);
        supervise();

        Supervisor.Status given = await("crasher", s -> s.state() == Supervisor.State.GIVEN_UP);
        assertEquals(3, crasher.starts.get(), "started once, then twice again, then given up at the third exit");
        assertEquals(2, given.restarts());
        assertNull(given.pid());
        assertTrue(given.lastExit().startsWith("exit status 3 at "), given.lastExit());
        assertTrue(notes.stream().anyMatch(note -> note.contains("crasher exited unexpectedly (exit status 3); log " + crasher.log
                + "; 3 exits within 300 s: given up (./cpa up starts it again)")), notes.toString());
        String file = Files.readString(directory.resolve(Supervisor.STATUS_FILE));
        assertTrue(file.matches("(?s).*\ncrasher +given up +- +7002 +2 +exit status 3 at .*"), file);
        assertTrue(file.endsWith("cpa: not running: crasher (given up; log " + crasher.log + ")\n"
                + "cpa: ./cpa up starts what is not running\n"), file);
        assertEquals(1, sleeper.starts.get());

        crasher.command = SLEEPING;
        List<String> answer = upRequest("first");
        assertEquals(1, answer.size(), answer.toString());
        assertTrue(answer.get(0).matches("cpa: crasher started \\(pid " + crasher.pid() + ", port 7002\\) in [0-9.]+ s"),
                answer.toString());
        Supervisor.Status started = await("crasher", s -> s.state() == Supervisor.State.RUNNING);
        assertEquals(crasher.pid(), started.pid());
        assertEquals(List.of("cpa: all parts are running; nothing to start"), upRequest("second"));
    }

    @Test
    void aPartThatCannotBeStartedAgainCountsEachAttemptAsAnExitAndIsGivenUpOn() throws Exception {
        FakePart sleeper = part("sleeper", SLEEPING);
        supervise();
        sleeper.command = List.of(directory.resolve("no-such-program").toString());

        ProcessHandle.of(sleeper.pid()).orElseThrow().destroyForcibly();

        Supervisor.Status given = await(s -> s.state() == Supervisor.State.GIVEN_UP);
        assertEquals(2, given.restarts(), "the kill, then two starts that failed");
        assertTrue(given.lastExit().startsWith("did not start: Cannot run program"), given.lastExit());
        assertTrue(notes.stream().anyMatch(note -> note.contains("sleeper did not start (Cannot run program")), notes.toString());
        assertEquals(1, sleeper.starts.get());
    }

    @Test
    void aPartStoppedOnPurposeStaysStoppedUntilAnUpRequestStartsIt() throws Exception {
        FakePart sleeper = part("sleeper", SLEEPING);
        supervise();

        sleeper.stopOnPurpose();

        Supervisor.Status stopped = await(s -> s.state() == Supervisor.State.STOPPED);
        assertEquals(0, stopped.restarts());
        assertNull(stopped.lastExit());
        assertEquals(1, sleeper.starts.get());
        List<String> answer = upRequest("after-stop");
        assertTrue(answer.get(0).startsWith("cpa: sleeper started (pid " + sleeper.pid() + ", port 7001)"), answer.toString());
        assertEquals(Supervisor.State.RUNNING, await(s -> s.state() == Supervisor.State.RUNNING).state());
        assertEquals(2, sleeper.starts.get());
    }

    @Test
    void theDelayDoublesWithEachExitUpToItsCeilingAndThePolicyIsReadFromTheEnvironment() {
        Supervisor.Policy policy = Supervisor.Policy.fromEnvironment(Map.of("CPA_RESTART_MAX_EXITS", "4",
                "CPA_RESTART_WINDOW", "2m", "CPA_RESTART_DELAY", "500ms", "CPA_RESTART_MAX_DELAY", "3s"));
        assertEquals(new Supervisor.Policy(4, Duration.ofMinutes(2), Duration.ofMillis(500), Duration.ofSeconds(3)), policy);
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(3)), List.of(policy.delayAfter(1), policy.delayAfter(2), policy.delayAfter(3),
                policy.delayAfter(4), policy.delayAfter(5)));
        assertEquals(new Supervisor.Policy(5, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(30)),
                Supervisor.Policy.fromEnvironment(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Supervisor.Policy.fromEnvironment(Map.of("CPA_RESTART_MAX_EXITS", "0")));
        assertThrows(IllegalArgumentException.class, () -> Supervisor.Policy.fromEnvironment(Map.of("CPA_RESTART_DELAY", "1 second")));
    }

    private FakePart part(String name, List<String> command) throws IOException {
        FakePart part = new FakePart(name, 7001 + parts.size(), directory.resolve(name + ".log"), command);
        part.launch();
        parts.add(part);
        return part;
    }

    private void supervise() {
        supervisor = Supervisor.start(List.copyOf(parts), QUICK, directory, notes::add);
    }

    private Supervisor.Status await(Predicate<Supervisor.Status> condition) {
        return await(parts.get(0).name, condition);
    }

    /** The part's status once {@code condition} holds; the test fails if it never does. */
    private Supervisor.Status await(String name, Predicate<Supervisor.Status> condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        Supervisor.Status status = status(name);
        while (!condition.test(status) && Instant.now().isBefore(deadline)) {
            Pause.of(Pause.BETWEEN_POLLS);
            status = status(name);
        }
        assertTrue(condition.test(status), "never came: " + status + "; notes: " + notes);
        return status;
    }

    private Supervisor.Status status(String name) {
        return supervisor.status().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** What {@code ./cpa up} does on a running suite: a request file, then the answer naming it. */
    private List<String> upRequest(String id) throws IOException {
        Files.writeString(directory.resolve(Supervisor.REQUEST_FILE), id + "\n");
        Path answer = directory.resolve(Supervisor.ANSWER_FILE);
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!(Files.exists(answer) && Files.readAllLines(answer).get(0).equals(id)) && Instant.now().isBefore(deadline)) {
            Pause.of(Pause.BETWEEN_POLLS);
        }
        List<String> lines = Files.readAllLines(answer);
        assertEquals(id, lines.get(0), "no answer to " + id + "; notes: " + notes);
        return lines.subList(1, lines.size());
    }

    /** A part whose process is {@code command}, ready as soon as it is launched. */
    private static final class FakePart implements Supervisor.Part {
        final String name;
        final int port;
        final Path log;
        final AtomicInteger starts = new AtomicInteger();
        volatile List<String> command;
        private Process process;

        FakePart(String name, int port, Path log, List<String> command) {
            this.name = name;
            this.port = port;
            this.log = log;
            this.command = command;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public Path log() {
            return log;
        }

        @Override
        public synchronized Supervisor.Watched process() {
            return process == null ? null : Supervisor.Watched.of(process);
        }

        @Override
        public synchronized boolean startIfStill(Supervisor.Watched expected) throws IOException {
            if (process != (expected == null ? null : expected.child())) {
                return false;
            }
            launch();
            return true;
        }

        synchronized void launch() throws IOException {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            starts.incrementAndGet();
        }

        synchronized long pid() {
            return process.pid();
        }

        /** As the suite stops a part on purpose: it forgets the process first, then ends it. */
        void stopOnPurpose() {
            Process stopping;
            synchronized (this) {
                stopping = process;
                process = null;
            }
            if (stopping != null) {
                try {
                    stopping.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
