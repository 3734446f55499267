package dev.ruxo.rules.drools.internal;

import java.util.Map;

/**
 * What one FHIR ValueSet file of a rules folder added to a value set.
 *
 * @param file          the file
 * @param valueSet      the value set it extends
 * @param codesBySystem how many rows it added, by code system ({@code snomed}, {@code icd10cm}, {@code rxnorm},
 *                      {@code atc}); codes the value set already had are not counted
 */
public record ValueSetExtension(String file, String valueSet, Map<String, Integer> codesBySystem) {

    /**
     * Copies the map.
     */
    public ValueSetExtension {
        codesBySystem = Map.copyOf(codesBySystem);
    }
}
