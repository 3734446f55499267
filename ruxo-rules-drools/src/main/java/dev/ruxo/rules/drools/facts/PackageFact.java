package dev.ruxo.rules.drools.facts;

/**
 * The ordered package, when its NDC is listed in packages.csv.
 *
 * @param ndc11       the NDC in 11-digit form
 * @param grams       the tube size
 * @param sample      true for a sample, which is not a dispensable pack
 * @param description such as "5 g tube (sample)"
 */
public record PackageFact(String ndc11, int grams, boolean sample, String description) {
}
