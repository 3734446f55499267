package dev.ruxo.rules;

import org.jspecify.annotations.Nullable;

/**
 * A coded concept: a diagnosis or problem.
 *
 * @param system  the code-system URI, such as {@link CodeSystems#ICD_10_CM}
 * @param code    the code within that system
 * @param display human-readable text; nullable
 * @since 0.1.0
 */
public record Coding(@Nullable String system, @Nullable String code, @Nullable String display) {

    /**
     * An ICD-10-CM coding.
     *
     * @param code    the code, such as {@code L20.9}
     * @param display the text, nullable
     * @return the coding
     */
    public static Coding icd10cm(String code, @Nullable String display) {
        return new Coding(CodeSystems.ICD_10_CM, code, display);
    }

    /**
     * A SNOMED CT coding.
     *
     * @param code    the concept id
     * @param display the text, nullable
     * @return the coding
     */
    public static Coding snomed(String code, @Nullable String display) {
        return new Coding(CodeSystems.SNOMED_CT, code, display);
    }
}
