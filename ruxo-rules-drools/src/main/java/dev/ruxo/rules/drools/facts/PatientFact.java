package dev.ruxo.rules.drools.facts;

/**
 * The patient, with the age already computed against the evaluation date.
 *
 * @param ageYears          whole years on the evaluation date: from the birth date by calendar arithmetic (a person
 *                          born on 29 February turns a year older on 1 March in common years), else the given age
 * @param ageFromBirthDate  whether {@code ageYears} was computed from a birth date
 * @param pregnant          nullable
 * @param breastfeeding     nullable
 * @param immunocompromised the clinician's attestation; nullable
 * @param smokingStatus     {@code current}, {@code former}, {@code never}; nullable
 */
public record PatientFact(
        int ageYears,
        boolean ageFromBirthDate,
        Boolean pregnant,
        Boolean breastfeeding,
        Boolean immunocompromised,
        String smokingStatus) {

    /**
     * @return true for a current or former smoker
     */
    public boolean smoker() {
        return "current".equals(smokingStatus) || "former".equals(smokingStatus);
    }
}
