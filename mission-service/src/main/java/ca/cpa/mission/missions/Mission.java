package ca.cpa.mission.missions;

import ca.cpa.events.mission.MissionCreated;
import ca.cpa.events.mission.MissionMandateChanged;
import ca.cpa.events.mission.MissionStatus;
import ca.cpa.events.mission.MissionStatusChanged;
import ca.cpa.events.mission.MissionType;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.core.events.ResultWithEvents;
import ca.cpa.platform.domain.IllegalTransitionException;
import ca.cpa.platform.domain.RuleViolationException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A mission Canadian police may deploy to, e.g. Operation PROTEUS in the West Bank. */
@Entity
@Table(name = "mission")
public class Mission extends PanacheEntityBase {

    /** Where a mission may go from each status: CLOSED is final. */
    private static final Map<MissionStatus, Set<MissionStatus>> NEXT = Map.of(
            MissionStatus.PLANNED, EnumSet.of(MissionStatus.ACTIVE, MissionStatus.CLOSED),
            MissionStatus.ACTIVE, EnumSet.of(MissionStatus.SUSPENDED, MissionStatus.CLOSED),
            MissionStatus.SUSPENDED, EnumSet.of(MissionStatus.ACTIVE, MissionStatus.CLOSED),
            MissionStatus.CLOSED, EnumSet.noneOf(MissionStatus.class));

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "name_fr", nullable = false)
    public String nameFr;

    @Column(name = "host_country", nullable = false)
    public String hostCountry;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MissionType type;

    @Column(name = "partner_organization", nullable = false)
    public String partnerOrganization;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MissionStatus status;

    /** The Ministerial Authorization in force: how many CPA personnel may be deployed at once. */
    @Column(name = "authorized_ceiling", nullable = false)
    public int authorizedCeiling;

    /** Which of the mission's Ministerial Authorizations the ceiling comes from (0: none yet). */
    @Column(name = "ceiling_authorization_number", nullable = false)
    public int ceilingAuthorizationNumber;

    /** When the mission's mandate begins and ends, where known. */
    @Column(name = "mandate_start")
    public LocalDate mandateStart;

    @Column(name = "mandate_end")
    public LocalDate mandateEnd;

    /** When the CPA began contributing to the mission, where known. */
    @Column(name = "cpa_since")
    public LocalDate cpaSince;

    /** Officers in theatre now, as personnel-service's deployment events report. */
    @Column(name = "deployed_strength", nullable = false)
    public int deployedStrength;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** A new mission starts PLANNED, with no ceiling until the CPA partners authorize one. */
    public static ResultWithEvents<Mission> plan(String code, String nameEn, String nameFr, String hostCountry,
                                                 MissionType type, String partnerOrganization, Mandate mandate,
                                                 LocalDate cpaSince) {
        Mission mission = new Mission();
        mission.id = UUID.randomUUID();
        mission.code = code;
        mission.nameEn = nameEn;
        mission.nameFr = nameFr;
        mission.hostCountry = hostCountry;
        mission.type = type;
        mission.partnerOrganization = partnerOrganization;
        mission.status = MissionStatus.PLANNED;
        mission.mandateStart = mandate.start();
        mission.mandateEnd = mandate.end();
        mission.cpaSince = cpaSince;
        mission.createdAt = Instant.now();
        mission.updatedAt = mission.createdAt;
        return ResultWithEvents.of(mission, new MissionCreated(mission.id, mission.code, mission.nameEn, mission.nameFr,
                mission.hostCountry, mission.type, mission.partnerOrganization, mission.status, mission.createdAt,
                mission.mandateStart, mission.mandateEnd, mission.cpaSince));
    }

    public static Optional<Mission> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** Moves the mission to {@code target}; nothing happens when it is there already. */
    public List<IntegrationEvent> changeStatus(MissionStatus target) {
        if (target == status) {
            return List.of();
        }
        if (!NEXT.get(status).contains(target)) {
            throw new IllegalTransitionException("mission.illegal-status-change", status, target);
        }
        MissionStatus previous = status;
        status = target;
        touch();
        return List.of(new MissionStatusChanged(id, code, previous, status, updatedAt));
    }

    /** Renames the mission or names another partner; a null leaves that field as it is. */
    public void describe(String nameEn, String nameFr, String partnerOrganization) {
        String before = this.nameEn + '\0' + this.nameFr + '\0' + this.partnerOrganization;
        this.nameEn = nameEn == null ? this.nameEn : nameEn.trim();
        this.nameFr = nameFr == null ? this.nameFr : nameFr.trim();
        this.partnerOrganization = partnerOrganization == null ? this.partnerOrganization : partnerOrganization.trim();
        if (!before.equals(this.nameEn + '\0' + this.nameFr + '\0' + this.partnerOrganization)) {
            touch();
        }
    }

    /**
     * Sets the mandate's dates; a null end or start leaves that one as it is. Announced, since no
     * tour may be extended past the mandate's end.
     */
    public List<IntegrationEvent> changeMandate(LocalDate start, LocalDate end) {
        Mandate changed = new Mandate(start == null ? mandateStart : start, end == null ? mandateEnd : end);
        if (Objects.equals(changed.start(), mandateStart) && Objects.equals(changed.end(), mandateEnd)) {
            return List.of();
        }
        mandateStart = changed.start();
        mandateEnd = changed.end();
        touch();
        return List.of(new MissionMandateChanged(id, code, mandateStart, mandateEnd, updatedAt));
    }

    /** Records when the CPA began contributing; a null leaves it as it is. */
    public void contributingSince(LocalDate since) {
        if (since != null && !since.equals(cpaSince)) {
            cpaSince = since;
            touch();
        }
    }

    /** A closed mission takes no new requests for police. */
    public void requireOpenForRequests() {
        if (status == MissionStatus.CLOSED) {
            throw new RuleViolationException("missionId", "mission-request.mission-closed", code);
        }
    }

    /** Takes the ceiling of Ministerial Authorization {@code number}, unless a later one is already in force. */
    public void applyCeiling(int ceiling, int number) {
        if (number > ceilingAuthorizationNumber) {
            authorizedCeiling = ceiling;
            ceilingAuthorizationNumber = number;
            touch();
        }
    }

    public void recordDeployedStrength(int strength) {
        if (deployedStrength != strength) {
            deployedStrength = strength;
            touch();
        }
    }

    private void touch() {
        updatedAt = Instant.now();
    }
}
