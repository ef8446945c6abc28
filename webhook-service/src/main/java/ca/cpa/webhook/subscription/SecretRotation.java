package ca.cpa.webhook.subscription;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new signing secret; the current one still signs (both signatures are sent) for the overlap")
public record SecretRotation(
        @Schema(description = "Hours the current secret still signs beside the new one (default 24; 0 ends it at once)",
                example = "24", minimum = "0", maximum = "168")
        @Min(0) @Max(168) Integer overlapHours,
        @Schema(description = "The new secret, if you make it yourself (whsec_ and the base64 of 24 to 64 random bytes); "
                + "by default the service makes one", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", maxLength = 94,
                pattern = WebhookSecret.PATTERN)
        @Pattern(regexp = WebhookSecret.PATTERN, message = "{webhook.secret.invalid}") String secret) {
}
