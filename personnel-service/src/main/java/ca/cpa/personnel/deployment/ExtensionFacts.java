package ca.cpa.personnel.deployment;

import java.time.LocalDate;

/**
 * What an extension is measured against: the officer's clearances must hold through the new
 * end, and the tour may not outlast the mission's mandate.
 *
 * @param securityClearanceExpiry null when the officer has none
 * @param medicalClearanceExpiry null when the officer has none
 * @param mandateEnd null when the mission's mandate has no known end
 */
public record ExtensionFacts(LocalDate securityClearanceExpiry, LocalDate medicalClearanceExpiry,
                             LocalDate mandateEnd) {
}
