package ca.cpa.mission.mission;

import ca.cpa.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A mission Canadian police may deploy to, e.g. Operation PROTEUS in the West Bank. */
@Entity
@Table(name = "mission")
public class Mission extends PanacheEntityBase {

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
    public static Mission plan(String code, String nameEn, String nameFr, String hostCountry, MissionType type,
                               String partnerOrganization) {
        Mission mission = new Mission();
        mission.id = UUID.randomUUID();
        mission.code = code;
        mission.nameEn = nameEn;
        mission.nameFr = nameFr;
        mission.hostCountry = hostCountry;
        mission.type = type;
        mission.partnerOrganization = partnerOrganization;
        mission.status = MissionStatus.PLANNED;
        mission.createdAt = Instant.now();
        mission.updatedAt = mission.createdAt;
        return mission;
    }

    public static Optional<Mission> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** Moves the mission to {@code target}; answers the status it left. */
    public MissionStatus changeStatus(MissionStatus target) {
        MissionStatus previous = status;
        if (!status.next().contains(target)) {
            throw ProblemException.conflict("mission.illegal-status-change", status, target);
        }
        status = target;
        touch();
        return previous;
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

    /** A closed mission takes no new requests for police. */
    public void requireOpenForRequests() {
        if (status == MissionStatus.CLOSED) {
            throw ProblemException.invalidField("missionId", "mission-request.mission-closed", code);
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
