package ca.cpa.personnel.officer;

import ca.cpa.events.mission.MemberType;
import ca.cpa.events.mission.PositionRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A police officer or civilian member who may deploy. Personal information: only personnel
 * officers and auditors read it, every read is logged, and events name the officer by id only.
 */
@Entity
@Table(name = "officer")
public class Officer extends PanacheEntityBase {

    @Schema(name = "ClearanceLevel", description = "Government of Canada security clearance: RELIABILITY, SECRET, TOP_SECRET")
    public enum ClearanceLevel { RELIABILITY, SECRET, TOP_SECRET }

    @Id
    public UUID id;

    @Column(name = "police_service_code", nullable = false)
    public String policeServiceCode;

    @Column(name = "service_number", nullable = false)
    public String serviceNumber;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Enumerated(EnumType.STRING)
    @Column(name = "member_type", nullable = false)
    public MemberType memberType;

    @Column(nullable = false)
    public String rank;

    @Column(name = "years_of_service", nullable = false)
    public int yearsOfService;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> languages;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> specialties;

    @Enumerated(EnumType.STRING)
    @Column(name = "clearance_level")
    public ClearanceLevel clearanceLevel;

    @Column(name = "clearance_expiry")
    public LocalDate clearanceExpiry;

    @Column(name = "medical_expiry")
    public LocalDate medicalExpiry;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean speaks(List<String> required) {
        return languages.containsAll(required);
    }

    public List<PositionRole> specialtyRoles() {
        return specialties.stream().map(PositionRole::valueOf).toList();
    }
}
