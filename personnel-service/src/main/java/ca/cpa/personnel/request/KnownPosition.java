package ca.cpa.personnel.request;

import ca.cpa.events.mission.MemberType;
import ca.cpa.events.mission.Position;
import ca.cpa.events.mission.PositionRole;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

/** A position of a request: the officers it needs in one role. */
@Embeddable
public class KnownPosition {

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

    protected KnownPosition() {
    }

    /** The position as the request's submission announced it. */
    public static KnownPosition of(Position announced) {
        return new KnownPosition(announced.role(), announced.count(), announced.languages(),
                announced.minYearsOfService(), announced.memberType());
    }

    public KnownPosition(PositionRole role, int count, List<String> languages, int minYearsOfService,
                         MemberType memberType) {
        this.role = role;
        this.count = count;
        this.languages = List.copyOf(languages);
        this.minYearsOfService = minYearsOfService;
        this.memberType = memberType;
    }
}
