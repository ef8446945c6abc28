package ca.cpa.personnel.agency;

import ca.cpa.platform.domain.ConflictException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A partner agency whose officers may deploy: the RCMP, a provincial or a municipal police service. */
@Entity
@Table(name = "police_service")
public class PoliceService extends PanacheEntityBase {

    @Schema(name = "Province", description = "The province or territory of the police service (Canada Post abbreviations)")
    public enum Province { AB, BC, MB, NB, NL, NS, NT, NU, ON, PE, QC, SK, YT }

    @Id
    public String code;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "name_fr", nullable = false)
    public String nameFr;

    /** Null for a national service such as the RCMP. */
    @Enumerated(EnumType.STRING)
    public Province province;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Adds a partner agency; its code is its identity, so a second one with that code is a 409. */
    public static PoliceService join(String code, String nameEn, String nameFr, Province province) {
        if (findById(code) != null) {
            throw new ConflictException("police-service.duplicate", code);
        }
        PoliceService service = new PoliceService();
        service.code = code;
        service.nameEn = nameEn.trim();
        service.nameFr = nameFr.trim();
        service.province = province;
        service.createdAt = Instant.now();
        service.persistAndFlush();
        return service;
    }
}
