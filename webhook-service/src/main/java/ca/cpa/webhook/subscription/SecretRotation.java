package ca.cpa.webhook.subscription;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new signing secret; the current one still signs (both signatures are sent) for the overlap")
public record SecretRotation(
        @Schema(description = "Hours the current secret still signs beside the new one (default 24; 0 ends it at once)",
                example = "24", minimum = "0", maximum = "168")
        @Min(0) @Max(168) Integer overlapHours) {
}
