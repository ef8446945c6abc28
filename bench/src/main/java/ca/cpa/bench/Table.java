package ca.cpa.bench;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's table: each figure, what was measured, and where there is a target, the target and PASS or MISS. */
final class Table {

    private final List<String> rows = new ArrayList<>();
    private int passed;
    private int missed;

    /** A figure without a target (it explains another). */
    void add(String figure, String measured) {
        rows.add("| " + figure + " | " + measured + " | | |");
    }

    /** A figure with its target, and whether the measurement met it. */
    void add(String figure, String measured, String target, boolean met) {
        rows.add("| " + figure + " | " + measured + " | " + target + " | " + (met ? "PASS" : "**MISS**") + " |");
        if (met) {
            passed++;
        } else {
            missed++;
        }
    }

    String markdown() {
        StringBuilder markdown = new StringBuilder("| figure | measured | target | |\n|---|---|---|---|\n");
        rows.forEach(row -> markdown.append(row).append('\n'));
        return markdown.append('\n').append(passed).append(" targets met, ").append(missed).append(" missed.\n").toString();
    }
}
