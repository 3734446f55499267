package dev.ruxo.rules;

/**
 * The code-system URIs the wire format names.
 *
 * @since 0.1.0
 */
public final class CodeSystems {

    /** ICD-10-CM diagnoses. */
    public static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    /** SNOMED CT. */
    public static final String SNOMED_CT = "http://snomed.info/sct";
    /** RxNorm. */
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    /** WHO Anatomical Therapeutic Chemical classification. */
    public static final String ATC = "http://www.whocc.no/atc";

    private CodeSystems() {
    }
}
