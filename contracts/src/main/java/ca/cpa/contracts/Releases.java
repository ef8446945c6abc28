package ca.cpa.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The released versions of the public documents, one directory per version (e.g. {@code released/1.0.0}). */
public final class Releases {

    private Releases() {
    }

    /** The directory of the highest released version under {@code releasesDirectory}. */
    public static Path latest(Path releasesDirectory) {
        try (Stream<Path> versions = Files.list(releasesDirectory)) {
            return versions.filter(Files::isDirectory)
                    .max((a, b) -> compare(a.getFileName().toString(), b.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("no released version under " + releasesDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares two semantic versions (major.minor.patch) by number. */
    public static int compare(String a, String b) {
        String[] left = a.split("[.-]");
        String[] right = b.split("[.-]");
        for (int i = 0; i < 3; i++) {
            int difference = Integer.compare(part(left, i), part(right, i));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    /** The major version: what a breaking change raises. */
    public static int major(String version) {
        return part(version.split("[.-]"), 0);
    }

    private static int part(String[] parts, int index) {
        return index < parts.length && parts[index].matches("\\d+") ? Integer.parseInt(parts[index]) : 0;
    }
}
