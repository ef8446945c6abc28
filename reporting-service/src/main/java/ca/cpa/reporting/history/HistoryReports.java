package ca.cpa.reporting.history;

import ca.cpa.platform.domain.RuleViolationException;
import ca.cpa.reporting.history.HistoryReport.CountryFigures;
import ca.cpa.reporting.history.HistoryReport.YearFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the Program's history from every deployment that took place, imported or live, in one snapshot. */
@ApplicationScoped
public class HistoryReports {

    private static final String IN_SPAN = "start_date >= make_date(?1, 1, 1) AND start_date < make_date(?2 + 1, 1, 1)";

    @Inject
    EntityManager entityManager;

    /** @param from the first year, 1989 when null; @param to the last, this year when null */
    @Transactional
    public HistoryReport between(Integer from, Integer to) {
        int thisYear = LocalDate.now(ZoneOffset.UTC).getYear();
        int first = from == null ? HistoryRow.PROGRAM_BEGAN.getYear() : from;
        int last = to == null ? thisYear : to;
        if (first < HistoryRow.PROGRAM_BEGAN.getYear() || first > thisYear) {
            throw new RuleViolationException("from", "history.year.out-of-range",
                    Integer.toString(HistoryRow.PROGRAM_BEGAN.getYear()),
                    Integer.toString(thisYear));
        }
        if (last < first || last > thisYear) {
            throw new RuleViolationException("to", "history.year.before-from", Integer.toString(first),
                    Integer.toString(thisYear));
        }
        entityManager.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").executeUpdate();
        Object[] totals = (Object[]) entityManager.createNativeQuery("""
                        SELECT count(DISTINCT officer_key), count(*), count(DISTINCT host_country), count(DISTINCT mission_key)
                        FROM deployment_record WHERE %s""".formatted(IN_SPAN))
                .setParameter(1, first).setParameter(2, last).getSingleResult();
        return new HistoryReport(first, last, number(totals[0]), number(totals[1]), number(totals[2]),
                number(totals[3]), byYear(first, last), byCountry(first, last));
    }

    private List<YearFigures> byYear(int first, int last) {
        Map<Integer, YearFigures> years = new HashMap<>();
        for (Object[] row : rows("""
                SELECT extract(YEAR FROM start_date)::int AS year, count(*), count(DISTINCT officer_key),
                       count(DISTINCT host_country)
                FROM deployment_record WHERE %s GROUP BY year""".formatted(IN_SPAN), first, last)) {
            int year = (int) number(row[0]);
            years.put(year, new YearFigures(year, number(row[1]), number(row[2]), number(row[3])));
        }
        List<YearFigures> byYear = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            byYear.add(years.getOrDefault(year, new YearFigures(year, 0, 0, 0)));
        }
        return byYear;
    }

    private List<CountryFigures> byCountry(int first, int last) {
        return rows("""
                SELECT coalesce(host_country, 'UNKNOWN') AS country, count(*) AS deployments
                FROM deployment_record WHERE %s GROUP BY country ORDER BY deployments DESC, country""".formatted(IN_SPAN),
                first, last).stream()
                .map(row -> new CountryFigures((String) row[0], number(row[1])))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, int first, int last) {
        return entityManager.createNativeQuery(sql).setParameter(1, first).setParameter(2, last).getResultList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
