package ca.cpa.personnel.ceiling;

/**
 * The CPA's authority to deploy at most this many police at any one time, over all missions
 * together (150; {@code cpa.program.cap} configures it).
 */
public record ProgramCap(int limit) {

    public ProgramCap {
        if (limit < 0) {
            throw new IllegalArgumentException("a program cap cannot be negative: " + limit);
        }
    }
}
