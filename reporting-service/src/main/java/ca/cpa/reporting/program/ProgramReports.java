package ca.cpa.reporting.program;

import ca.cpa.reporting.program.ProgramReport.MemberTypeFigures;
import ca.cpa.reporting.program.ProgramReport.MissionFigures;
import ca.cpa.reporting.program.ProgramReport.PoliceServiceFigures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads the Program's figures now from the read model, in one snapshot. */
@ApplicationScoped
public class ProgramReports {

    /** Deployments that hold a place: under the cap, the ceiling and the figures "now". */
    private static final String CURRENT = "status IN ('PLANNED', 'IN_THEATRE')";

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "cpa.program.cap")
    int programCap;

    /** The last report computed and the count of events it includes: it is current while no other is applied. */
    private volatile Snapshot latest;

    private record Snapshot(long eventsApplied, ProgramReport report) {
    }

    /**
     * The figures now: computed again only once an event has been applied since the last time
     * (on any replica: the count is in the database), so reading them at load costs one query.
     */
    public ProgramReport now() {
        Snapshot cached = latest;
        if (cached != null && cached.eventsApplied() == number(entityManager.createNativeQuery(
                "SELECT events_applied FROM read_model_position WHERE id = 1").getSingleResult())) {
            return cached.report();
        }
        Snapshot computed = QuarkusTransaction.requiringNew().call(this::compute);
        latest = computed;
        return computed.report();
    }

    private Snapshot compute() {
        // every query of the report sees the same moment of the read model
        entityManager.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").executeUpdate();
        long eventsApplied = number(entityManager.createNativeQuery(
                "SELECT events_applied FROM read_model_position WHERE id = 1").getSingleResult());
        Instant asOf = entityManager.createNativeQuery("SELECT last_event_at FROM read_model_position WHERE id = 1",
                Instant.class).getSingleResult() instanceof Instant instant ? instant : null;
        Object[] totals = (Object[]) entityManager.createNativeQuery("""
                SELECT count(*) FILTER (WHERE status = 'IN_THEATRE'), count(*) FILTER (WHERE status = 'PLANNED')
                FROM reported_deployment WHERE %s""".formatted(CURRENT)).getSingleResult();
        long deployed = number(totals[0]);
        long planned = number(totals[1]);
        return new Snapshot(eventsApplied, new ProgramReport(asOf, programCap, deployed, planned,
                deployed + planned, byMission(), byPoliceService(), byMemberType()));
    }

    private List<MissionFigures> byMission() {
        return rows("""
                SELECT coalesce(m.mission_id, d.mission_id), m.code, m.host_country, m.authorized_ceiling,
                       coalesce(d.deployed, 0), coalesce(d.planned, 0)
                FROM reported_mission m
                FULL JOIN (SELECT mission_id, count(*) FILTER (WHERE status = 'IN_THEATRE') AS deployed,
                                  count(*) FILTER (WHERE status = 'PLANNED') AS planned
                           FROM reported_deployment WHERE %s GROUP BY mission_id) d ON d.mission_id = m.mission_id
                WHERE d.mission_id IS NOT NULL
                   OR (m.status IS DISTINCT FROM 'CLOSED'
                       AND (m.status IN ('ACTIVE', 'SUSPENDED') OR m.authorized_ceiling > 0))
                ORDER BY m.code NULLS LAST, 1""".formatted(CURRENT)).stream()
                .map(row -> new MissionFigures((UUID) row[0], (String) row[1], (String) row[2],
                        row[3] == null ? null : (int) number(row[3]), number(row[4]), number(row[5])))
                .toList();
    }

    private List<PoliceServiceFigures> byPoliceService() {
        return countsBy("police_service_code").stream()
                .map(row -> new PoliceServiceFigures((String) row[0], number(row[1]), number(row[2])))
                .toList();
    }

    private List<MemberTypeFigures> byMemberType() {
        return countsBy("member_type").stream()
                .map(row -> new MemberTypeFigures((String) row[0], number(row[1]), number(row[2])))
                .toList();
    }

    private List<Object[]> countsBy(String column) {
        return rows("""
                SELECT coalesce(%1$s, 'UNKNOWN') AS key, count(*) FILTER (WHERE status = 'IN_THEATRE'),
                       count(*) FILTER (WHERE status = 'PLANNED')
                FROM reported_deployment WHERE %2$s GROUP BY key ORDER BY key""".formatted(column, CURRENT));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return entityManager.createNativeQuery(sql).getResultList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
