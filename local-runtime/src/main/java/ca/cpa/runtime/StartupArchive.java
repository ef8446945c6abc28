package ca.cpa.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The class-data archive a service starts from: the classes its last run loaded, already parsed
 * and verified, mapped into memory instead of read from its jars again. It is made by the JDK that
 * runs the service, so it fits that JDK exactly: on JDK 25 and later an AOT cache (JEP 483, with
 * the method profiles of JEP 515), before that a dynamic AppCDS archive (JEP 350). One is kept per
 * JDK beside the service's build ({@code target/startup-archive/}), which a clean build removes,
 * and which outlives the data directory that {@code bench/run} starts afresh.
 * <p>
 * A run without a usable archive records one: the JVM writes it as the service stops, under a name
 * of its own (suites side by side may record at once), and it replaces the archive once the
 * process has ended. An archive older than the service's build is recorded again, since the JVM
 * would refuse it; the JVM's messages about archives are switched off, so that one it cannot use
 * (a JDK updated in place) only costs the time it would have saved. A service stopped by force
 * (kill -9) leaves no archive.
 */
final class StartupArchive {

    private static final int AOT_CACHE_FEATURE = 25;
    /** The exit codes of a service that stopped as asked (SIGTERM, SIGINT) or ended of itself: its run was whole. */
    private static final Set<Integer> STOPPED_CLEANLY = Set.of(0, 128 + 2, 128 + 15);
    /** The JVM's messages about archives, off; JDK 25 has a tag of its own for them, which older JDKs refuse. */
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    private static final List<String> QUIET_AOT = List.of("-Xlog:cds=off", "-Xlog:aot=off");

    private final Path archive;
    private final Path application;
    private final int feature;

    /** @param application the service's {@code quarkus-app} directory, which its build replaces */
    StartupArchive(Path application) {
        this(application, Runtime.version());
    }

    StartupArchive(Path application, Runtime.Version jdk) {
        this.feature = jdk.feature();
        String name = "jdk-" + jdk.toString().replaceAll("[^A-Za-z0-9.]", "_")
                + (feature >= AOT_CACHE_FEATURE ? ".aot" : ".jsa");
        this.archive = application.resolveSibling("startup-archive").resolve(name);
        this.application = application;
    }

    /** Whether the service has an archive made since its build. */
    boolean usable() {
        try {
            return Files.exists(archive) && Files.getLastModifiedTime(archive).toMillis() >= builtAt();
        } catch (IOException e) {
            return false;
        }
    }

    /** The JVM options that start the service from its archive, which must be {@link #usable()}. */
    List<String> use() {
        return with(feature >= AOT_CACHE_FEATURE ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive);
    }

    /**
     * The JVM options that record an archive into {@code recording} (a {@link #recording()}) as the
     * service stops; none when its folder cannot be made (a read-only checkout): it starts without.
     */
    List<String> record(Path recording) {
        try {
            Files.createDirectories(recording.getParent());
        } catch (IOException e) {
            return List.of();
        }
        return with(feature >= AOT_CACHE_FEATURE ? "-XX:AOTCacheOutput=" + recording : "-XX:ArchiveClassesAtExit=" + recording);
    }

    /** A file name of its own for one recording, beside the archive. */
    Path recording() {
        return archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime()
                + ".recording");
    }

    /**
     * Once the process that recorded into {@code recording} has ended: the archive it wrote becomes
     * the service's, unless it was killed (kill -9 may have cut the archive short) or failed (an
     * archive of a start that did not get far would hold too few classes).
     */
    void recorded(Path recording, int exitCode) {
        try {
            if (STOPPED_CLEANLY.contains(exitCode) && Files.exists(recording)) {
                Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(recording);
            }
        } catch (IOException e) {
            // no archive: the next start records one again
        }
    }

    private List<String> with(String option) {
        return Stream.concat((feature >= AOT_CACHE_FEATURE ? QUIET_AOT : QUIET).stream(), Stream.of(option)).toList();
    }

    /** When the service was last built: the newest file of its application directory. */
    private long builtAt() throws IOException {
        try (Stream<Path> files = Files.walk(application)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.getLastModifiedTime(file).toMillis();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max().orElse(Long.MAX_VALUE);
        }
    }
}
