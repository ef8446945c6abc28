package ca.cpa.mission.request;

import ca.cpa.events.mission.MemberType;
import ca.cpa.events.mission.PositionRole;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

/** Officers a request asks for in one role: how many, speaking what, with how much service. */
@Embeddable
public class RequestedPosition {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PositionRole role;

    @Column(nullable = false)
    public int count;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> languages;

    @Column(name = "min_years_of_service", nullable = false)
    public int minYearsOfService;

    @Enumerated(EnumType.STRING)
    @Column(name = "member_type", nullable = false)
    public MemberType memberType;

    /** Officers of this role in theatre now, from personnel-service's deployment events. */
    @Column(name = "in_theatre", nullable = false)
    public int inTheatre;

    protected RequestedPosition() {
    }

    public RequestedPosition(PositionRole role, int count, List<String> languages, int minYearsOfService,
                             MemberType memberType) {
        this.role = role;
        this.count = count;
        this.languages = List.copyOf(languages);
        this.minYearsOfService = minYearsOfService;
        this.memberType = memberType;
    }

    public boolean isFilled() {
        return inTheatre >= count;
    }
}
