package ca.cpa.events.authorization;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The three CPA partners, who decide together. */
@Schema(description = "The CPA partners who decide together: GAC (Global Affairs Canada), PS (Public Safety Canada), RCMP")
public enum Partner {
    GAC, PS, RCMP
}
