package ca.cpa.personnel.welfare;

import ca.cpa.events.personnel.Wellbeing;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "CheckIn")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckInView(UUID id, UUID deploymentId, Wellbeing wellbeing, @Schema(maxLength = 4000, example = "Settled in; workload heavy before the elections.") String notes, @Schema(maxLength = 200, example = "jdoe@rcmp-grc.gc.ca") String recordedBy,
                          Instant recordedAt) {
    static CheckInView of(CheckIn checkIn) {
        return new CheckInView(checkIn.id, checkIn.deploymentId, checkIn.wellbeing, checkIn.notes,
                checkIn.recordedBy, checkIn.recordedAt);
    }
}
