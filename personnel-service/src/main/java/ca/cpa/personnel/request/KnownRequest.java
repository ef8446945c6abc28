package ca.cpa.personnel.request;

import ca.cpa.events.mission.PositionRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A mission request as the other services announced it: its positions and where it stands. */
@Entity
@Table(name = "known_request")
public class KnownRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "mission_id", nullable = false)
    public UUID missionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    @Column(name = "duration_months", nullable = false)
    public int durationMonths;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "known_request_position", joinColumns = @JoinColumn(name = "request_id"))
    public List<KnownPosition> positions = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Records a submitted request once; a repeated announcement changes nothing. The partners'
     * decision travels on another topic and may have arrived first: then the request is already
     * here, decided, and only its positions are added.
     */
    public static void submitted(UUID id, UUID missionId, int durationMonths, List<KnownPosition> positions) {
        KnownRequest request = orPlaceholder(id, missionId);
        if (request.positions.isEmpty()) {
            request.durationMonths = durationMonths;
            request.positions = new ArrayList<>(positions);
            request.updatedAt = Instant.now();
        }
    }

    /** The request, or a placeholder for one whose submission has not arrived yet. */
    public static KnownRequest orPlaceholder(UUID id, UUID missionId) {
        KnownRequest request = findById(id);
        if (request == null) {
            request = new KnownRequest();
            request.id = id;
            request.missionId = missionId;
            request.status = RequestStatus.SUBMITTED;
            request.updatedAt = Instant.now();
            request.persistAndFlush();
        }
        return request;
    }

    public Optional<KnownPosition> position(PositionRole role) {
        return positions.stream().filter(position -> position.role == role).findFirst();
    }

    /** The partners' decision, or the withdrawal: a withdrawn request stays withdrawn. */
    public void moveTo(RequestStatus next) {
        if (status != RequestStatus.WITHDRAWN) {
            status = next;
            updatedAt = Instant.now();
        }
    }
}
