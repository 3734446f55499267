package dev.ruxo.rules.fhir;

import java.util.List;
import java.util.Map;

/**
 * The URLs and codes the FHIR mapping reads and writes, as documented in docs/fhir.md.
 *
 * @since 0.1.0
 */
public final class FhirCodes {

    /** The project's own code system, for the treated body surface area Observation and the card topics. */
    public static final String RUXO_CODE_SYSTEM = "https://ruxo.dev/fhir/CodeSystem/ruxo-rules";

    /**
     * Extension on a MedicationRequest: the share of the body surface area the cream is applied to, in percent
     * ({@code valueDecimal}, 0 &lt; x &le; 100; a {@code valueQuantity} in {@code %} is read too). It wins over
     * the Observation fallback.
     */
    public static final String TREATED_BSA_EXTENSION =
            "https://ruxo.dev/fhir/StructureDefinition/treated-body-surface-area";

    /**
     * Code (in {@link #RUXO_CODE_SYSTEM}) of the fallback Observation of the treated body surface area, a
     * {@code valueQuantity} in percent (UCUM {@code %}).
     */
    public static final String TREATED_BSA_CODE = "treated-body-surface-area";

    /** LOINC. */
    public static final String LOINC = "http://loinc.org";
    /** LOINC 82810-3, pregnancy status (US Core). */
    public static final String PREGNANCY_STATUS = "82810-3";
    /** LOINC 63895-7, breastfeeding status. */
    public static final String BREASTFEEDING_STATUS = "63895-7";
    /** LOINC 72166-2, tobacco smoking status (US Core). */
    public static final String SMOKING_STATUS = "72166-2";

    /** NDC. */
    public static final String NDC = "http://hl7.org/fhir/sid/ndc";
    /** UCUM. */
    public static final String UCUM = "http://unitsofmeasure.org";
    /** HL7 v3 RouteOfAdministration, the other route code system FHIR R4 examples use. */
    public static final String V3_ROUTE = "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration";
    /** HL7 v3 timing abbreviations (BID, TID, ...). */
    public static final String V3_TIMING = "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation";

    /** The cream's labeler and product segments of the NDC. */
    public static final String CREAM_PRODUCT_NDC = "50881-007";

    /** RxNorm ingredient ruxolitinib; it names the cream only together with a topical form or route. */
    public static final String RUXOLITINIB_RXCUI = "1193326";

    // grams in each package of the cream, by the package segment of the NDC
    static final Map<String, Integer> PACKAGE_GRAMS = Map.of("04", 5, "05", 60, "07", 100);

    // SNOMED CT route concepts (qualifier values) to the wire format's route words
    static final Map<String, String> SNOMED_ROUTES = Map.ofEntries(
            Map.entry("6064005", "topical"),
            Map.entry("448598008", "cutaneous"),
            Map.entry("26643006", "oral"),
            Map.entry("54485002", "ophthalmic"),
            Map.entry("16857009", "vaginal"),
            Map.entry("34206005", "subcutaneous"),
            Map.entry("47625008", "intravenous"),
            Map.entry("78421000", "intramuscular"),
            Map.entry("45890007", "transdermal"),
            Map.entry("37161004", "rectal"),
            Map.entry("46713006", "intranasal"),
            Map.entry("10547007", "otic"),
            Map.entry("37839007", "sublingual"),
            Map.entry("54471007", "buccal"),
            Map.entry("447694001", "inhalation"),
            Map.entry("372464004", "intradermal"));

    // HL7 v3 RouteOfAdministration codes to route words
    static final Map<String, String> V3_ROUTES = Map.ofEntries(
            Map.entry("SKIN", "topical"),
            Map.entry("TOPICAL", "topical"),
            Map.entry("PO", "oral"),
            Map.entry("SL", "sublingual"),
            Map.entry("BUC", "buccal"),
            Map.entry("IV", "intravenous"),
            Map.entry("IM", "intramuscular"),
            Map.entry("SQ", "subcutaneous"),
            Map.entry("SUBCUT", "subcutaneous"),
            Map.entry("TRNSDERM", "transdermal"),
            Map.entry("OPTHALTA", "ophthalmic"),
            Map.entry("VAGINSI", "vaginal"),
            Map.entry("RECTAL", "rectal"),
            Map.entry("NASAL", "intranasal"),
            Map.entry("IPINHL", "inhalation"));

    private FhirCodes() {
    }

    /** The Observation codes the prefetch asks for, as FHIR search tokens. */
    static List<String> observationCodeTokens() {
        return List.of(LOINC + "|" + PREGNANCY_STATUS, LOINC + "|" + BREASTFEEDING_STATUS, LOINC + "|" + SMOKING_STATUS,
                RUXO_CODE_SYSTEM + "|" + TREATED_BSA_CODE);
    }
}
