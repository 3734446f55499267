package dev.ruxo.rules.benchmarks;

import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.CodeSystems;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.DiseaseSeverity;
import dev.ruxo.rules.Dispense;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.MedicationStatus;
import dev.ruxo.rules.Order;
import dev.ruxo.rules.Patient;
import dev.ruxo.rules.PriorTopicalTherapy;
import dev.ruxo.rules.Sex;
import dev.ruxo.rules.SmokingStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests the benchmarks and the load tests check. Every one is valid; {@code RequestsTest} pins what each one
 * fires, so the numbers in docs/performance.md keep describing the same work.
 */
public final class Requests {

    /** The evaluation date of every request here. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

    private static final Coding ATOPIC_DERMATITIS = Coding.icd10cm("L20.9", "Atopic dermatitis, unspecified");

    /**
     * Co-medications no value set knows. Until knowledge base v2 these were the most prescribed US drugs (lisinopril,
     * metformin, ...); those are now recognised as known not to interact, so drugs that are still unknown take their
     * place and every request here does the same work as before.
     */
    private static final List<Medication> UNRECOGNISED = List.of(
            Medication.rxnorm("8992", "pyridostigmine 60 MG Oral Tablet", "oral"),
            Medication.named("riluzole 50 mg tablet", null),
            Medication.named("ursodiol 300 mg capsule", "oral"),
            Medication.named("sucralfate 1 g tablet", "oral"),
            Medication.named("mesalamine 1.2 g tablet", "oral"),
            Medication.named("methimazole 10 mg tablet", "oral"),
            Medication.named("ropinirole 1 mg tablet", "oral"),
            Medication.named("meclizine 25 mg tablet", null),
            Medication.named("bethanechol inhaler", "inhaled"),
            Medication.named("azelastine nasal spray", "nasal"),
            Medication.named("vitamin D3 1000 unit capsule", "oral"),
            Medication.named("promethazine 25 mg tablet", "oral"),
            Medication.named("emollient cream", "topical"),
            Medication.named("phenazopyridine 200 mg tablet", "oral"),
            Medication.named("modafinil 100 mg tablet", "oral"));

    /** Co-medications a value set knows, by code or by name, with routes that do and do not count. */
    private static final List<Medication> RECOGNISED = List.of(
            Medication.named("fluconazole 150 mg oral tablet", "oral"),
            Medication.named("prednisone 20 mg tablet", "oral"),
            Medication.named("hydrocortisone 1% cream", "topical"),
            Medication.named("Opzelura 1.5% cream", "topical"),
            new Medication(CodeSystems.RXNORM, "3443", "diltiazem 120 MG extended release capsule", "oral",
                    MedicationStatus.ACTIVE),
            Medication.named("tacrolimus 0.1% ointment", "topical"),
            new Medication(CodeSystems.ATC, "J01FA09", "clarithromycin 500 mg tablet", "oral", null));

    /** Problems: some in value sets, most not. */
    private static final List<Coding> CONDITIONS = List.of(
            Coding.icd10cm("J45.909", "Asthma, uncomplicated"),
            Coding.icd10cm("K21.9", "Gastro-esophageal reflux disease"),
            Coding.icd10cm("I10", "Essential (primary) hypertension"),
            Coding.icd10cm("M54.50", "Low back pain"),
            Coding.icd10cm("E11.9", "Type 2 diabetes mellitus without complications"),
            Coding.icd10cm("F41.1", "Generalized anxiety disorder"),
            Coding.icd10cm("J30.9", "Allergic rhinitis"),
            Coding.icd10cm("E78.5", "Hyperlipidemia, unspecified"),
            Coding.icd10cm("E03.9", "Hypothyroidism"),
            Coding.snomed("24079001", "Atopic dermatitis"),
            Coding.icd10cm("D64.9", "Anemia, unspecified"),
            Coding.icd10cm("G43.909", "Migraine"));

    private Requests() {
    }

    /** Names of the benchmark requests, for JMH {@code @Param}. */
    public static final String TYPICAL = "typical";
    /** See {@link #heavy()}. */
    public static final String HEAVY = "heavy";
    /** See {@link #manyRules()}. */
    public static final String MANY_RULES = "manyRules";

    /**
     * One of the named requests.
     *
     * @param name {@link #TYPICAL}, {@link #HEAVY} or {@link #MANY_RULES}
     * @return the request
     */
    public static CheckRequest named(String name) {
        return switch (name) {
            case TYPICAL -> typical();
            case HEAVY -> heavy();
            case MANY_RULES -> manyRules();
            default -> throw new IllegalArgumentException("no request named " + name);
        };
    }

    /**
     * An adult with moderate atopic dermatitis, on label: 2 conditions (one hypertension), 3 co-medications (one a
     * moderate CYP3A4 inhibitor, two unrecognised) and one earlier dispense. Findings are INFO only: PROCEED.
     *
     * @return the request
     */
    public static CheckRequest typical() {
        return CheckRequest.builder()
                .asOf(AS_OF)
                .patient(adult().conditions(List.of(CONDITIONS.get(0), CONDITIONS.get(2))).build())
                .order(onLabelOrder().build())
                .medications(List.of(UNRECOGNISED.get(0), UNRECOGNISED.get(1), RECOGNISED.get(0)))
                .addDispense(Dispense.of(AS_OF.minusDays(10), 60, 7))
                .build();
    }

    /**
     * The typical order for a patient with a long record: 40 co-medications, 30 conditions, 20 earlier dispenses.
     *
     * @return the request
     */
    public static CheckRequest heavy() {
        return scaled(40, 30, 20);
    }

    /**
     * An order that breaks nearly every rule at once: about 30 rules fire, across all six categories.
     *
     * @return the request
     */
    public static CheckRequest manyRules() {
        Patient patient = Patient.builder()
                .birthDate(LocalDate.of(1966, 5, 1)).sex(Sex.FEMALE)
                .pregnant(true).breastfeeding(true).immunocompromised(true).smokingStatus(SmokingStatus.CURRENT)
                .conditions(List.of(
                        Coding.icd10cm("A41.9", "Sepsis, unspecified organism"),
                        Coding.icd10cm("Z22.7", "Latent tuberculosis"),
                        Coding.icd10cm("B20", "HIV disease"),
                        Coding.icd10cm("I10", "Essential hypertension"),
                        Coding.icd10cm("C50.911", "Malignant neoplasm of right female breast"),
                        Coding.icd10cm("I63.9", "Cerebral infarction"),
                        Coding.icd10cm("I82.409", "Deep vein thrombosis"),
                        Coding.icd10cm("D69.6", "Thrombocytopenia"),
                        Coding.icd10cm("E78.5", "Hyperlipidemia"),
                        Coding.icd10cm("F17.210", "Nicotine dependence, cigarettes")))
                .build();
        Order order = onLabelOrder()
                .severity(DiseaseSeverity.SEVERE).priorTopicalTherapy(PriorTopicalTherapy.NONE)
                .bsaPercent("25").quantityGrams(100).daysSupply(7).applicationsPerDay(3)
                .occlusiveDressing(true).therapyStartDate(AS_OF.minusDays(70)).ndc("50881-007-04")
                .build();
        return CheckRequest.builder()
                .asOf(AS_OF).patient(patient).order(order)
                .medications(List.of(
                        Medication.named("Xeljanz 5 mg tablet", "oral"),
                        Medication.rxnorm("1876366", "dupilumab 300 MG/2ML", "subcutaneous"),
                        Medication.named("cyclosporine 100 mg capsule", "oral"),
                        Medication.named("methotrexate 2.5 mg tablet", "oral"),
                        Medication.named("Sotyktu 6 mg tablet", "oral"),
                        Medication.named("itraconazole 100 mg capsule", "oral"),
                        Medication.named("verapamil 80 mg tablet", "oral"),
                        Medication.named("riluzole 50 mg tablet", "oral")))
                .addDispense(Dispense.of(AS_OF.minusDays(3), 60, 7))
                .build();
    }

    /**
     * The typical order with lists of any length, for the scaling curve. Co-medications alternate between
     * unrecognised and recognised ones (about one in three is recognised), each with its own strength so that texts
     * differ; conditions cycle through a list where about half fall in a value set; dispenses go back in 14-day steps,
     * 60 g for 14 days each, the latest 11 days ago.
     *
     * @param medications number of co-medications
     * @param conditions  number of conditions
     * @param dispenses   number of earlier dispenses
     * @return the request
     */
    public static CheckRequest scaled(int medications, int conditions, int dispenses) {
        List<Medication> meds = new ArrayList<>(medications);
        for (int i = 0; i < medications; i++) {
            Medication base = i % 3 == 2 ? RECOGNISED.get((i / 3) % RECOGNISED.size())
                    : UNRECOGNISED.get(i % UNRECOGNISED.size());
            meds.add(new Medication(base.system(), base.code(), base.display() + " #" + (i + 1), base.route(),
                    base.status()));
        }
        List<Coding> problems = new ArrayList<>(conditions);
        for (int i = 0; i < conditions; i++) {
            problems.add(CONDITIONS.get(i % CONDITIONS.size()));
        }
        List<Dispense> fills = new ArrayList<>(dispenses);
        for (int i = 0; i < dispenses; i++) {
            fills.add(Dispense.of(AS_OF.minusDays(11 + 14L * i), 60, 14));
        }
        return CheckRequest.builder()
                .asOf(AS_OF)
                .patient(adult().conditions(problems).build())
                .order(onLabelOrder().build())
                .medications(meds)
                .dispenses(fills)
                .build();
    }

    private static Patient.Builder adult() {
        return Patient.builder().birthDate(LocalDate.of(1992, 3, 14)).sex(Sex.FEMALE).pregnant(false)
                .breastfeeding(false).immunocompromised(false).smokingStatus(SmokingStatus.NEVER);
    }

    private static Order.Builder onLabelOrder() {
        return Order.builder().indication(ATOPIC_DERMATITIS).severity(DiseaseSeverity.MODERATE)
                .priorTopicalTherapy(PriorTopicalTherapy.INADEQUATE).bsaPercent("12.5").quantityGrams(60)
                .daysSupply(7).applicationsPerDay(2).route("topical").occlusiveDressing(false)
                .therapyStartDate(AS_OF.minusDays(21)).ndc("50881-007-05");
    }
}
