package ca.cpa.personnel.ceiling;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The program cap in force, from {@code cpa.program.cap}. */
public class ProgramCapConfiguration {

    @Produces
    @Singleton
    ProgramCap programCap(@ConfigProperty(name = "cpa.program.cap") int limit) {
        return new ProgramCap(limit);
    }
}
