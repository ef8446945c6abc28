package ca.cpa.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupArchiveTest {

    @TempDir
    Path target;

    private Path application() throws IOException {
        Path application = Files.createDirectories(target.resolve("quarkus-app"));
        Files.writeString(Files.createDirectories(application.resolve("lib")).resolve("a.jar"), "built");
        return application;
    }

    @Test
    void before_jdk_25_it_records_and_uses_an_appcds_archive_quietly() throws IOException {
        StartupArchive archive = new StartupArchive(application(), Runtime.Version.parse("17.0.15+6"));
        Path recording = archive.recording();

        assertFalse(archive.usable());
        assertEquals(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:ArchiveClassesAtExit=" + recording),
                archive.record(recording));

        Files.writeString(recording, "archive");
        archive.recorded(recording, 143);
        assertTrue(archive.usable());
        assertFalse(Files.exists(recording));
        assertEquals(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-XX:SharedArchiveFile=" + target.resolve("startup-archive/jdk-17.0.15_6.jsa")), archive.use());
    }

    @Test
    void from_jdk_25_it_records_and_uses_an_aot_cache() throws IOException {
        StartupArchive archive = new StartupArchive(application(), Runtime.Version.parse("25.0.3+9-LTS"));
        Path recording = archive.recording();

        assertEquals(List.of("-Xlog:cds=off", "-Xlog:aot=off", "-XX:AOTCacheOutput=" + recording), archive.record(recording));
        Files.writeString(recording, "cache");
        archive.recorded(recording, 0);
        assertEquals(List.of("-Xlog:cds=off", "-Xlog:aot=off",
                "-XX:AOTCache=" + target.resolve("startup-archive/jdk-25.0.3_9_LTS.aot")), archive.use());
    }

    @Test
    void an_archive_older_than_the_build_is_not_used() throws IOException {
        Path application = application();
        StartupArchive archive = new StartupArchive(application, Runtime.Version.parse("17.0.15+6"));
        Path recording = archive.recording();
        archive.record(recording);
        Files.writeString(recording, "archive");
        archive.recorded(recording, 0);
        assertTrue(archive.usable());

        Files.setLastModifiedTime(application.resolve("lib/a.jar"), FileTime.from(Instant.now().plusSeconds(60)));
        assertFalse(archive.usable());
    }

    @Test
    void a_process_killed_or_failed_while_recording_leaves_no_archive() throws IOException {
        StartupArchive archive = new StartupArchive(application(), Runtime.Version.parse("17.0.15+6"));
        Path recording = archive.recording();
        archive.record(recording);
        Files.writeString(recording, "cut short");

        archive.recorded(recording, 137);
        assertFalse(archive.usable());
        assertFalse(Files.exists(recording));

        Path failedStart = archive.recording();
        archive.record(failedStart);
        Files.writeString(failedStart, "a start that failed");
        archive.recorded(failedStart, 1);
        assertFalse(archive.usable(), "a service that failed leaves no archive");
        assertFalse(Files.exists(failedStart));
    }
}
