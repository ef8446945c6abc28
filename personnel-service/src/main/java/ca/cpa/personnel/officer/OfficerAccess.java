package ca.cpa.personnel.officer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One access to an officer's record: who, which officer, what, when. */
@Entity
@Immutable
@Table(name = "officer_access")
public class OfficerAccess extends PanacheEntityBase {

    @Schema(name = "OfficerAccessAction", description = "What was done with an officer record: READ, CREATE, UPDATE")
    public enum Action { READ, CREATE, UPDATE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "officer_id", nullable = false)
    public UUID officerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(nullable = false)
    public Instant at;
}
