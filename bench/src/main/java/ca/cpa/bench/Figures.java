package ca.cpa.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The values of one figure over several runs, quoted as the median with the minimum and maximum. */
record Figures(List<Double> runs) {

    static Figures of(List<Double> runs) {
        return new Figures(List.copyOf(runs));
    }

    double median() {
        List<Double> sorted = sorted();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    double min() {
        return sorted().get(0);
    }

    double max() {
        return sorted().get(sorted().size() - 1);
    }

    /** "median (min–max)" with {@code decimals} decimals. */
    String quoted(int decimals) {
        String format = "%." + decimals + "f";
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(), min(), max());
    }

    /** The p-th percentile (0–100) of samples, nearest rank. */
    static double percentile(List<Double> samples, double p) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(runs);
        Collections.sort(sorted);
        return sorted;
    }
}
