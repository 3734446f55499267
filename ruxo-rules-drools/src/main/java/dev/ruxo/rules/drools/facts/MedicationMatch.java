package dev.ruxo.rules.drools.facts;

/**
 * An active co-medication recognised by a medication value set, by code or by name.
 *
 * @param valueSet    the value set, such as {@code JAK_INHIBITOR}
 * @param index       the medication's position in the request
 * @param name        the drug's generic name from the value set
 * @param text        the medication as a person reads it
 * @param matchedBy   {@code rxnorm}, {@code atc} or {@code name}
 * @param routeApplies whether the medication's route is one the value-set row counts (a tacrolimus ointment does
 *                    not count as a systemic immunosuppressant); an unknown route counts as systemic
 * @param routeKnown  whether the route was recorded or read from the display text
 * @param verified    false when the matching row's code is marked unverified
 */
public record MedicationMatch(
        String valueSet,
        int index,
        String name,
        String text,
        String matchedBy,
        boolean routeApplies,
        boolean routeKnown,
        boolean verified) {
}
