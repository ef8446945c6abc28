package ca.cpa.personnel.officer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "OfficerAccess", description = "One read or change of an officer's record")
public record OfficerAccessView(UUID officerId, OfficerAccess.Action action,
                                @Schema(description = "Token subject of the reader", maxLength = 200, example = "jdoe@rcmp-grc.gc.ca") String actor, @Schema(maxLength = 40, example = "personnel-officer") String actorRole,
                                Instant at) {
    static OfficerAccessView of(OfficerAccess access) {
        return new OfficerAccessView(access.officerId, access.action, access.actor, access.actorRole, access.at);
    }
}
