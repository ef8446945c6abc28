package ca.cpa.platform.openapi;

import java.util.Arrays;
import java.util.Optional;

/** The string formats of the values every document shares: how long Java writes them at most, and an example. */
enum ValueFormat {
    UUID("uuid", 36, "0c6f2b8e-2f0a-4c55-a3f6-9a1d3e4b5c60"),
    DATE("date", 10, "2026-11-27"),
    DATE_TIME("date-time", 35, "2026-11-27T15:04:05.123Z");

    final String format;
    final int maxLength;
    final String example;

    ValueFormat(String format, int maxLength, String example) {
        this.format = format;
        this.maxLength = maxLength;
        this.example = example;
    }

    static Optional<ValueFormat> of(String format) {
        return Arrays.stream(values()).filter(value -> value.format.equals(format)).findFirst();
    }
}
