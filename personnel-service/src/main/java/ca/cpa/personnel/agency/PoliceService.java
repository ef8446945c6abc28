package ca.cpa.personnel.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A partner agency whose officers may deploy: the RCMP, a provincial or a municipal police service. */
@Entity
@Table(name = "police_service")
public class PoliceService extends PanacheEntityBase {

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
}
