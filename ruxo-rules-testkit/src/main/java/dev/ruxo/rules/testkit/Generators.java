package dev.ruxo.rules.testkit;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.CodeSystems;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.DiseaseSeverity;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.MedicationStatus;
import dev.ruxo.rules.PriorTopicalTherapy;
import dev.ruxo.rules.Sex;
import dev.ruxo.rules.SmokingStatus;
import dev.ruxo.rules.VitiligoType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of check requests and their parts, valid by construction.
 *
 * <p>Every clinical threshold of the US label (revision 2025-09), and the values just either side of it, is among the
 * generated values, next to uniformly drawn ones: 10 % and 20 % BSA; the 2nd, 12th and 50th birthdays (29 February
 * included); 60 g per 7 days and 30 g per 7 days of supply; 75 % of an earlier dispense's days supply; 8 and 24
 * weeks of treatment; two applications a day. Values shrink towards the first, most ordinary, choice.
 *
 * <pre>{@code
 * qt().withFixedSeed(20261122L).withExamples(500)
 *         .forAll(Generators.atopicDermatitisRequests())
 *         .checkAssert(request -> assertThat(engine.check(request).findings()).isNotNull());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Generators {

    private static final List<String> BSA_EDGES = List.of("5", "9.9", "10", "10.0", "10.0001", "10.1", "19.9", "20",
            "20.0", "20.0000001", "20.1", "0.1", "100");
    private static final List<Supply> SUPPLY_EDGES = Stream.of("60/7", "61/7", "59/7", "100/14", "120/14", "121/14",
            "60/5", "30/7", "31/7", "29/7", "60/14", "30/14", "100/7", "180/14", "5/1", "8.5714285/1", "8.5714286/1")
            .map(s -> s.split("/")).map(s -> new Supply(new BigDecimal(s[0]), Integer.parseInt(s[1]))).toList();
    private static final List<LocalDate> AS_OF_EDGES = Stream.of("2026-02-28", "2026-03-01", "2028-02-28",
            "2028-02-29", "2028-03-01", "2030-02-28", "2030-03-01").map(LocalDate::parse).toList();
    private static final LocalDate FIRST_AS_OF = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST_AS_OF = LocalDate.of(2030, 12, 31);

    private static final List<Medication> INTERACTING = List.of(
            Medication.named("tofacitinib 5 mg tablet", "oral"),
            Medication.named("Rinvoq 15 mg extended-release tablet", null),
            Medication.named("ruxolitinib 5 mg tablet", "oral"),
            Medication.named("dupilumab 300 mg/2 mL pen", "subcutaneous"),
            Medication.named("adalimumab-atto 40 mg/0.8 mL", "subcutaneous"),
            Medication.named("azathioprine 50 mg tablet", "oral"),
            Medication.named("cyclosporine 100 mg capsule", "oral"),
            Medication.named("methotrexate 2.5 mg tablet", null),
            Medication.named("prednisone 20 mg tablet", "oral"),
            Medication.named("deucravacitinib 6 mg tablet", "oral"),
            Medication.named("ketoconazole 200 mg tablet", "oral"),
            Medication.named("clarithromycin 500 mg tablet", "oral"),
            Medication.named("fluconazole 150 mg tablet", "oral"),
            Medication.named("diltiazem 120 mg capsule", "oral"),
            Medication.rxnorm("1357536", null, "oral"),
            new Medication(CodeSystems.ATC, "L04AF02", "baricitinib 2 mg", "oral", null));
    private static final List<Medication> NOT_INTERACTING = List.of(
            Medication.named("metformin 500 mg tablet", "oral"),
            Medication.named("atorvastatin 20 mg tablet", "oral"),
            Medication.named("cetirizine 10 mg tablet", null),
            Medication.named("tacrolimus 0.1% ointment", "topical"),
            Medication.named("ketoconazole 2% shampoo", null),
            Medication.named("ruxolitinib 1.5% cream", "topical"),
            Medication.named("cyclosporine 0.05% ophthalmic emulsion", "ophthalmic"));

    private static final List<Coding> RISK_FACTORS = List.of(Coding.icd10cm("I10", "Essential hypertension"),
            Coding.icd10cm("E11.9", "Type 2 diabetes mellitus"), Coding.icd10cm("E78.5", "Hyperlipidemia"),
            Coding.icd10cm("I25.10", "Atherosclerotic heart disease"),
            Coding.icd10cm("Z87.891", "History of nicotine dependence"), Coding.snomed("38341003", "Hypertension"));
    private static final List<Coding> OTHER_VALUE_SET_CONDITIONS = List.of(Coding.icd10cm("B20", "HIV disease"),
            Coding.icd10cm("A15.0", "Tuberculosis of lung"), Coding.icd10cm("Z22.7", "Latent tuberculosis"),
            Coding.icd10cm("B18.1", "Chronic viral hepatitis B"), Coding.icd10cm("B02.29", "Postherpetic neuralgia"),
            Coding.icd10cm("L03.115", "Cellulitis of right lower limb"),
            Coding.icd10cm("C50.911", "Malignant neoplasm of right female breast"),
            Coding.icd10cm("Z85.828", "History of other malignant neoplasm of skin"),
            Coding.icd10cm("I63.9", "Cerebral infarction"), Coding.icd10cm("I82.401", "Deep vein thrombosis"),
            Coding.icd10cm("Z33.1", "Pregnant state"), Coding.icd10cm("Z39.1", "Lactating mother"),
            Coding.icd10cm("D69.6", "Thrombocytopenia"), Coding.icd10cm("D84.9", "Immunodeficiency"),
            Coding.icd10cm("T86.10", "Kidney transplant complication"));
    private static final List<Coding> UNRELATED_CONDITIONS = List.of(Coding.icd10cm("J30.9", "Allergic rhinitis"),
            Coding.icd10cm("K21.9", "Gastro-esophageal reflux disease"), Coding.icd10cm("M54.50", "Low back pain"),
            Coding.icd10cm("J45.909", "Asthma"), Coding.snomed("267036007", "Dyspnea"));

    private static final List<Coding> AD_INDICATIONS = List.of(CheckRequests.ATOPIC_DERMATITIS,
            Coding.icd10cm("L20.84", "Intrinsic (allergic) eczema"), Coding.snomed("24079001", "Atopic dermatitis"));
    private static final List<Coding> VITILIGO_INDICATIONS = List.of(CheckRequests.VITILIGO,
            Coding.snomed("56727007", "Vitiligo"), Coding.icd10cm("H02.731", "Vitiligo of right upper eyelid"));
    private static final List<Coding> OFF_LABEL_INDICATIONS = List.of(CheckRequests.ALOPECIA_AREATA,
            Coding.icd10cm("L40.0", "Psoriasis vulgaris"), Coding.icd10cm("L28.1", "Prurigo nodularis"),
            Coding.icd10cm("L73.2", "Hidradenitis suppurativa"));

    private Generators() {
    }

    /**
     * A quantity ordered and the days it must last.
     *
     * @param grams grams, &gt; 0
     * @param days  days supply, &gt; 0
     */
    public record Supply(BigDecimal grams, int days) {
    }

    /**
     * An earlier dispense of the cream, dated relative to the evaluation date.
     *
     * @param daysAgo    days before the evaluation date, &ge; 0
     * @param grams      grams dispensed, &gt; 0
     * @param daysSupply its days supply, &gt; 0
     */
    public record EarlierDispense(int daysAgo, long grams, int daysSupply) {
    }

    /**
     * Evaluation dates: {@link CheckRequests#DEFAULT_AS_OF}, 28 February and 1 March of common and leap years (where
     * a 29 February birthday falls), 29 February 2028, and any day of 2024 to 2030.
     *
     * @return the generator
     */
    public static Gen<LocalDate> evaluationDates() {
        Gen<LocalDate> edges = Generate.pick(prepend(CheckRequests.DEFAULT_AS_OF, AS_OF_EDGES));
        Gen<LocalDate> any = integers().between(0, (int) (LAST_AS_OF.toEpochDay() - FIRST_AS_OF.toEpochDay()))
                .map(d -> FIRST_AS_OF.plusDays(d));
        return any.mix(edges, 60);
    }

    /**
     * Birth dates on or before {@code asOf}: the 2nd, 12th and 50th birthdays (and the 11th and 49th) falling exactly
     * on {@code asOf}, a day before or a day after; 29 February of the leap year nearest those ages; and any day up to
     * 100 years back.
     *
     * @param asOf the evaluation date
     * @return the generator
     */
    public static Gen<LocalDate> birthDates(LocalDate asOf) {
        Gen<LocalDate> birthdays = Generate.pick(List.of(12, 2, 50, 11, 49))
                .zip(Generate.pick(List.of(0, -1, 1)), (years, shift) -> asOf.minusYears(years).plusDays(shift));
        Gen<LocalDate> leapDays = Generate.pick(List.of(12, 2, 50))
                .map(years -> lastLeapDayOnOrBefore(asOf.getYear() - years));
        Gen<LocalDate> any = integers().between(0, 36_525).map(d -> asOf.minusDays(d));
        return any.mix(birthdays.mix(leapDays, 30), 60);
    }

    /**
     * Treated body surface areas in percent, in (0, 100]: 9.9, 10, 10.0001, 10.1, 19.9, 20, 20.0000001, 20.1 and
     * their neighbours, and uniformly drawn values with four decimals.
     *
     * @return the generator
     */
    public static Gen<BigDecimal> bsaPercents() {
        Gen<BigDecimal> edges = Generate.pick(BSA_EDGES).map(s -> new BigDecimal(s));
        Gen<BigDecimal> any = integers().between(1, 1_000_000).map(n -> BigDecimal.valueOf(n, 4));
        return any.mix(edges, 60);
    }

    /**
     * Quantities with their days supply: 60 g/7 d, 61/7, 59/7, 100/14, 120/14, 121/14, 60/5, 30/7, 31/7, 60/14 and
     * more; whole weeks at 60 g and 30 g a week and one gram either side; and any 1 to 400 g (in tenths) over 1 to 90
     * days.
     *
     * @return the generator
     */
    public static Gen<Supply> supplies() {
        Gen<Supply> edges = Generate.pick(SUPPLY_EDGES);
        Gen<Supply> weeks = integers().between(1, 8).zip(Generate.pick(List.of(60, 30)),
                Generate.pick(List.of(0, 1, -1)), (w, perWeek, delta) -> new Supply(
                        BigDecimal.valueOf((long) w * perWeek + delta), 7 * w));
        Gen<Supply> any = integers().between(10, 4000).zip(integers().between(1, 90),
                (tenths, days) -> new Supply(BigDecimal.valueOf(tenths, 1), days));
        return any.mix(edges.mix(weeks, 40), 60);
    }

    /**
     * Applications a day, 1 to 4, mostly the labelled 2.
     *
     * @return the generator
     */
    public static Gen<Integer> applicationsPerDay() {
        return Generate.pick(List.of(2, 2, 1, 3, 4));
    }

    /**
     * Days of continuous treatment so far: 55, 56 and 57 (8 weeks), 167, 168 and 169 (24 weeks), and 0 to 400.
     *
     * @return the generator
     */
    public static Gen<Integer> therapyDays() {
        return integers().between(0, 400).mix(Generate.pick(List.of(56, 55, 57, 168, 167, 169)), 50);
    }

    /**
     * Earlier dispenses around the early-refill point: dispensed 75 % of the days supply ago (rounded down and up),
     * a day either side, today, on the last day of supply, just after it, or any time up to twice the supply ago.
     * Days supplies include values whose 75 % is a whole day (4, 8, 28) and values whose 75 % is not (7, 14, 30).
     *
     * @return the generator
     */
    public static Gen<EarlierDispense> earlierDispenses() {
        Gen<Integer> supply = integers().between(1, 90).mix(Generate.pick(List.of(7, 4, 8, 14, 28, 30, 1)), 70);
        return in -> {
            int days = supply.generate(in);
            int threeQuarters = 3 * days / 4;
            List<Integer> near = List.of(threeQuarters, threeQuarters + 1, threeQuarters - 1, 0, days - 1, days,
                    days + 1);
            int ago = integers().between(0, 2 * days).mix(Generate.pick(near), 70).generate(in);
            return new EarlierDispense(Math.max(0, ago), Generate.pick(List.of(60L, 100L, 30L)).generate(in), days);
        };
    }

    /**
     * Active co-medications that the US knowledge base flags: JAK inhibitors, biologics, immunosuppressants, a TYK2
     * inhibitor, strong and moderate CYP3A4 inhibitors, by name, RxNorm or ATC code, with and without a route.
     *
     * @return the generator
     */
    public static Gen<Medication> interactingMedications() {
        return Generate.pick(INTERACTING);
    }

    /**
     * Active co-medications that raise no interaction: common unrelated drugs (which the knowledge base recognises as
     * known not to interact), and topical or ophthalmic forms of drugs that interact only systemically. Never
     * pyridostigmine, so that a test can add it as a drug nobody knows.
     *
     * @return the generator
     */
    public static Gen<Medication> nonInteractingMedications() {
        return Generate.pick(NOT_INTERACTING);
    }

    /**
     * Stopped or completed co-medications, interacting or not; they must never change an assessment.
     *
     * @return the generator
     */
    public static Gen<Medication> stoppedMedications() {
        List<Medication> all = new ArrayList<>(INTERACTING);
        all.addAll(NOT_INTERACTING);
        return Generate.pick(all).zip(Generate.pick(List.of(MedicationStatus.STOPPED, MedicationStatus.COMPLETED)),
                Medication::withStatus);
    }

    /**
     * Lists of 0 to 4 co-medications: interacting, not interacting and stopped ones.
     *
     * @return the generator
     */
    public static Gen<List<Medication>> medications() {
        Gen<Medication> one = nonInteractingMedications().mix(interactingMedications(), 40)
                .mix(stoppedMedications(), 20);
        return lists().of(one).ofSizeBetween(0, 4);
    }

    /**
     * Cardiovascular risk factors of the mortality and MACE warning: hypertension, diabetes, dyslipidemia,
     * atherosclerotic disease and smoking history, in ICD-10-CM and SNOMED CT.
     *
     * @return the generator
     */
    public static Gen<Coding> cardiovascularRiskFactors() {
        return Generate.pick(RISK_FACTORS);
    }

    /**
     * Problems that no rule of the US knowledge base reads, such as allergic rhinitis.
     *
     * @return the generator
     */
    public static Gen<Coding> unrelatedConditions() {
        return Generate.pick(UNRELATED_CONDITIONS);
    }

    /**
     * Lists of 0 to 4 active problems: codes from the knowledge base's value sets (risk factors, infections,
     * malignancy, thrombosis, pregnancy, lactation, cytopenia, immunodeficiency, and an excluded code) and unrelated
     * codes.
     *
     * @return the generator
     */
    public static Gen<List<Coding>> conditions() {
        Gen<Coding> one = unrelatedConditions().mix(cardiovascularRiskFactors(), 30)
                .mix(Generate.pick(OTHER_VALUE_SET_CONDITIONS), 30);
        return lists().of(one).ofSizeBetween(0, 4);
    }

    /**
     * Requests for atopic dermatitis, coded in ICD-10-CM or SNOMED CT, with every other part drawn from the generators
     * above (see {@link #requests()}); severity and prior topical therapy vary too, sometimes unrecorded.
     *
     * @return the generator
     */
    public static Gen<CheckRequest> atopicDermatitisRequests() {
        return in -> anyContext(in, CheckRequests.adultAtopicDermatitis()
                .indication(Generate.pick(AD_INDICATIONS).generate(in))
                .severity(orNull(Generate.enumValues(DiseaseSeverity.class), 15).generate(in))
                .priorTopicalTherapy(orNull(Generate.enumValues(PriorTopicalTherapy.class), 15).generate(in)))
                .build();
    }

    /**
     * Requests for vitiligo, coded in ICD-10-CM or SNOMED CT, segmental, nonsegmental or unrecorded, with every other
     * part drawn from the generators above (see {@link #requests()}).
     *
     * @return the generator
     */
    public static Gen<CheckRequest> vitiligoRequests() {
        return in -> anyContext(in, CheckRequests.adultVitiligo()
                .indication(Generate.pick(VITILIGO_INDICATIONS).generate(in))
                .vitiligoType(orNull(Generate.enumValues(VitiligoType.class), 15).generate(in))
                .severity(orNull(Generate.enumValues(DiseaseSeverity.class), 50).generate(in)))
                .build();
    }

    /**
     * Requests for an indication the label does not approve, such as alopecia areata or psoriasis.
     *
     * @return the generator
     */
    public static Gen<CheckRequest> offLabelRequests() {
        return in -> anyContext(in, CheckRequests.adultAtopicDermatitis()
                .indication(Generate.pick(OFF_LABEL_INDICATIONS).generate(in))).build();
    }

    /**
     * Any valid request: atopic dermatitis, vitiligo or off label (about 45/45/10). Each part is drawn independently:
     * evaluation date, birth date (or, sometimes, only an age), sex, pregnancy, breastfeeding, the immunocompromised
     * attestation, smoking, BSA, quantity and days supply, applications a day, route, occlusion, treatment so far,
     * package, co-medications, problems and earlier dispenses. Optional parts are sometimes left unrecorded.
     *
     * @return the generator
     */
    public static Gen<CheckRequest> requests() {
        return Generate.frequency(List.of(Pair.of(45, atopicDermatitisRequests()), Pair.of(45, vitiligoRequests()),
                Pair.of(10, offLabelRequests())));
    }

    private static CheckRequests.Builder anyContext(RandomnessSource in, CheckRequests.Builder b) {
        LocalDate asOf = evaluationDates().generate(in);
        b.asOf(asOf);
        if (percent(in) >= 90) {
            b.ageYearsOnly(integers().between(0, 100).mix(Generate.pick(List.of(12, 2, 50, 11, 1, 49)), 50)
                    .generate(in));
        } else {
            b.birthDate(birthDates(asOf).generate(in));
        }
        Gen<Boolean> flag = Generate.pick(Arrays.asList(false, true, null));
        b.sex(Generate.enumValues(Sex.class).generate(in)).pregnant(flag.generate(in))
                .breastfeeding(flag.generate(in)).immunocompromised(flag.generate(in))
                .smoking(orNull(Generate.enumValues(SmokingStatus.class), 10).generate(in))
                .bsa(orNull(bsaPercents(), 5).generate(in));
        Supply supply = orNull(supplies(), 5).generate(in);
        b.grams(supply == null ? null : supply.grams()).days(supply == null ? null : supply.days())
                .applicationsPerDay(orNull(applicationsPerDay(), 10).generate(in))
                .route(Generate.pick(Arrays.asList("topical", "topical", null, "cream", "oral", "ophthalmic"))
                        .generate(in))
                .occlusiveDressing(flag.generate(in))
                .ndc(Generate.pick(Arrays.asList(null, "50881-007-05", "50881-007-07", "50881-007-04",
                        "50881000705")).generate(in));
        Integer days = orNull(therapyDays(), 40).generate(in);
        if (days != null) {
            b.treatedForDays(days);
        }
        medications().generate(in).forEach(b::medication);
        conditions().generate(in).forEach(b::condition);
        lists().of(earlierDispenses()).ofSizeBetween(0, 2).generate(in)
                .forEach(d -> b.dispensed(d.daysAgo(), d.grams(), d.daysSupply()));
        return b;
    }

    /** Null in {@code percentNull} % of cases; shrinks towards a value, not towards null. */
    private static <T> Gen<T> orNull(Gen<T> gen, int percentNull) {
        return in -> percent(in) >= 100 - percentNull ? null : gen.generate(in);
    }

    private static int percent(RandomnessSource in) {
        return integers().between(0, 99).generate(in);
    }

    private static LocalDate lastLeapDayOnOrBefore(int year) {
        int y = year;
        while (!Year.isLeap(y)) {
            y--;
        }
        return LocalDate.of(y, 2, 29);
    }

    private static <T> List<T> prepend(T first, List<T> rest) {
        List<T> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
