package dev.ruxo.rules.benchmarks;

import static org.quicktheories.generators.Generate.booleans;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.Generate.range;

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
import dev.ruxo.rules.RequestValidation;
import dev.ruxo.rules.UnknownField;
import dev.ruxo.rules.Sex;
import dev.ruxo.rules.SmokingStatus;
import dev.ruxo.rules.VitiligoType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Valid check requests, random but aimed at the rules: every clinical threshold and the values just either side of
 * it, every code and name of the value sets (read from the knowledge base's own CSV files, with case, dot and suffix
 * variations), routes that do and do not count, and unrecognised entries. Valid by construction: {@link #requests()}
 * never yields a request that {@link RequestValidation} rejects.
 */
final class RequestGenerator {

    static final LocalDate AS_OF = Requests.AS_OF;
    private static final String KB = "dev/ruxo/rules/kb/us/";

    private static final List<Integer> AGES = List.of(0, 1, 2, 3, 11, 12, 13, 30, 49, 50, 51, 80);
    private static final List<String> BSA = Arrays.asList(null, "0.1", "5", "9.99", "10", "10.0000001", "10.5", "15",
            "19.999", "20", "20.0000000000000001", "21", "50", "100");
    /** grams, days: 60/7, 100/14 and 120/14 pass the adult ceiling; 100/7, 180/14, 60/5 fail; 30/14 is the child limit. */
    private static final List<int[]> QUANTITIES = List.of(new int[] {60, 7}, new int[] {100, 14}, new int[] {120, 14},
            new int[] {100, 7}, new int[] {180, 14}, new int[] {60, 5}, new int[] {30, 7}, new int[] {30, 14},
            new int[] {31, 14}, new int[] {29, 7}, new int[] {60, 8}, new int[] {5, 1}, new int[] {60, 14},
            new int[] {-1, 7}, new int[] {60, -1}, new int[] {-1, -1});
    private static final List<Integer> APPLICATIONS = Arrays.asList(null, 1, 2, 3);
    private static final List<String> ORDER_ROUTES = Arrays.asList(null, "topical", "Topical", "cutaneous", "skin",
            "oral", "ophthalmic", "intravaginal", "buccal", "rectal", "subcutaneous", "transdermal", "eye drops",
            "gargle");
    private static final List<Integer> THERAPY_DAYS = Arrays.asList(null, 0, 30, 55, 56, 57, 167, 168, 169, 400, -5);
    private static final List<String> NDCS = Arrays.asList(null, "50881-007-04", "50881000704", "50881-007-05",
            "50881-007-07", "12345-678-90");
    private static final List<String> MED_ROUTES = Arrays.asList(null, null, "oral", "topical", "subcutaneous",
            "intravenous", "ophthalmic", "inhaled", "nasal", "shampoo", "injection", "po", "unknownword");
    private static final List<String> DOSE_FORM_WORDS = List.of("", "", " 5 mg tablet", " 1% cream", " ointment",
            " eye drops", " injection", " oral suspension", " shampoo", "-adaz", " (Brand) 10 MG");
    private static final List<Medication> UNRECOGNISED = List.of(
            Medication.named("pyridostigmine 60 mg tablet", "oral"),
            Medication.named("riluzole", null),
            Medication.rxnorm("9999999", "an unlisted clinical drug", "oral"),
            new Medication(CodeSystems.ATC, "N07AA02", null, "oral", null),
            Medication.named("emollient cream", "topical"),
            // known not to interact (NON_INTERACTING): recognised, so no note
            Medication.named("lisinopril 10 mg tablet", "oral"),
            Medication.rxnorm("29046", "lisinopril 10 MG Oral Tablet", "oral"),
            new Medication(CodeSystems.ATC, "R06AE07", null, "oral", null));
    private static final List<Coding> UNRELATED_CONDITIONS = List.of(
            Coding.icd10cm("J45.909", "Asthma"), Coding.icd10cm("K21.9", null), Coding.snomed("195967001", "Asthma"),
            Coding.icd10cm("Z00.00", "General exam"),
            // not screenable: a SNOMED CT concept no value set lists, and a code system the value sets do not use
            Coding.snomed("186747009", "Coronavirus infection"),
            new Coding("http://hl7.org/fhir/sid/icd-10", "A15.0", "Tuberculosis of lung"));
    private static final List<Coding> OTHER_INDICATIONS = List.of(
            Coding.icd10cm("L63.9", "Alopecia areata"), Coding.icd10cm("L40.0", "Psoriasis vulgaris"),
            Coding.icd10cm("L28.1", "Prurigo nodularis"), Coding.icd10cm("L73.2", "Hidradenitis suppurativa"),
            Coding.snomed("9014002", "Psoriasis"), Coding.icd10cm("L2", "truncated"));

    private final List<Coding> valueSetConditions;
    private final List<Coding> adIndications;
    private final List<Coding> vitiligoIndications;
    private final List<Medication> valueSetMedications;

    RequestGenerator() {
        valueSetConditions = new ArrayList<>();
        adIndications = new ArrayList<>();
        vitiligoIndications = new ArrayList<>();
        for (String[] row : csv("conditions.csv")) {
            String system = row[1].equals("icd10cm") ? CodeSystems.ICD_10_CM : CodeSystems.SNOMED_CT;
            String code = row[2];
            List<Coding> variants = new ArrayList<>(List.of(new Coding(system, code, row[6])));
            if (row[1].equals("icd10cm")) {
                variants.add(new Coding(system, code.replace(".", "").toLowerCase(), null));
                // a descendant: matches a prefix row, and misses an exact one
                variants.add(new Coding(system, code + (code.contains(".") ? "9" : ".9"), null));
            }
            valueSetConditions.addAll(variants);
            if (row[0].equals("ATOPIC_DERMATITIS")) {
                adIndications.addAll(variants);
            } else if (row[0].equals("VITILIGO")) {
                vitiligoIndications.addAll(variants);
            }
        }
        valueSetMedications = new ArrayList<>();
        for (String[] row : csv("medications.csv")) {
            switch (row[1]) {
                case "rxnorm" -> valueSetMedications.add(new Medication(CodeSystems.RXNORM, row[2], null, null, null));
                case "atc" -> valueSetMedications.add(new Medication(CodeSystems.ATC,
                        row[3].equals("prefix") ? row[2] + "01" : row[2], null, null, null));
                default -> valueSetMedications.add(Medication.named(row[2], null));
            }
        }
    }

    /** @return valid requests */
    Gen<CheckRequest> requests() {
        return this::request;
    }

    /**
     * One request. Each field keeps an on-label value or takes any value of its list, the chance of the latter set
     * once per request (0 %, 10 %, 20 %, 50 % or 100 %), so that PROCEED, REVIEW and STOP all come up often.
     */
    private CheckRequest request(RandomnessSource rs) {
        int chaos = pick(List.of(0, 1, 2, 5, 10)).generate(rs);
        Patient.Builder patient = Patient.builder()
                .sex(pickNullable(Sex.values(), rs))
                .pregnant(choose(rs, chaos, FALSE_OR_NULL, TRISTATE))
                .breastfeeding(choose(rs, chaos, FALSE_OR_NULL, TRISTATE))
                .immunocompromised(choose(rs, chaos, FALSE_OR_NULL, TRISTATE))
                .smokingStatus(choose(rs, chaos, pick(Arrays.asList(null, SmokingStatus.NEVER)),
                        pick(Arrays.asList(null, SmokingStatus.NEVER, SmokingStatus.FORMER, SmokingStatus.CURRENT))));
        int age = choose(rs, chaos, pick(List.of(12, 13, 30, 49)), pick(AGES));
        switch (range(0, 3).generate(rs)) {
            case 0 -> patient.ageYears(age);
            case 1 -> patient.birthDate(AS_OF.minusYears(age));
            // the day before a birthday: still the younger age
            case 2 -> patient.birthDate(AS_OF.minusYears(age + 1L).plusDays(1));
            default -> patient.birthDate(AS_OF.minusYears(age)).ageYears(age + 7);
        }
        for (int i = range(0, 5).generate(rs); i > 0; i--) {
            patient.addCondition(choose(rs, chaos, pick(UNRELATED_CONDITIONS), pick(valueSetConditions)));
        }

        Coding indication = switch (choose(rs, chaos, pick(List.of(0, 1)), range(0, 5))) {
            case 0, 1, 2 -> pick(adIndications).generate(rs);
            case 3 -> pick(vitiligoIndications).generate(rs);
            default -> pick(OTHER_INDICATIONS).generate(rs);
        };
        int[] quantity = choose(rs, chaos, pick(QUANTITIES.subList(0, 3)), pick(QUANTITIES));
        Integer therapyDays = choose(rs, chaos, pick(Arrays.asList(null, 0, 30)), pick(THERAPY_DAYS));
        String bsa = choose(rs, chaos, pick(List.of("0.1", "5", "9.99", "10")), pick(BSA));
        Order order = Order.builder()
                .indication(indication)
                .severity(choose(rs, chaos, pick(List.of(DiseaseSeverity.MILD, DiseaseSeverity.MODERATE)),
                        pick(Arrays.asList(null, DiseaseSeverity.MILD, DiseaseSeverity.MODERATE,
                                DiseaseSeverity.SEVERE))))
                .vitiligoType(choose(rs, chaos, pick(Arrays.asList(null, VitiligoType.NONSEGMENTAL)),
                        pick(Arrays.asList(null, VitiligoType.NONSEGMENTAL, VitiligoType.SEGMENTAL))))
                .bsaPercent(bsa == null ? null : new BigDecimal(bsa))
                .quantityGrams(quantity[0] < 0 ? null : BigDecimal.valueOf(quantity[0]))
                .daysSupply(quantity[1] < 0 ? null : quantity[1])
                .applicationsPerDay(choose(rs, chaos, pick(Arrays.asList(null, 2)), pick(APPLICATIONS)))
                .route(choose(rs, chaos, pick(Arrays.asList(null, "topical", "cutaneous")), pick(ORDER_ROUTES)))
                .occlusiveDressing(choose(rs, chaos, FALSE_OR_NULL, TRISTATE))
                .therapyStartDate(therapyDays == null ? null : AS_OF.minusDays(therapyDays))
                .priorTopicalTherapy(choose(rs, chaos,
                        pick(List.of(PriorTopicalTherapy.INADEQUATE, PriorTopicalTherapy.NOT_ADVISABLE)),
                        pick(Arrays.asList(null, PriorTopicalTherapy.INADEQUATE, PriorTopicalTherapy.NOT_ADVISABLE,
                                PriorTopicalTherapy.NONE))))
                .ndc(choose(rs, chaos, pick(Arrays.asList(null, "50881-007-05")), pick(NDCS)))
                .build();

        List<Medication> medications = new ArrayList<>();
        for (int i = range(0, 5).generate(rs); i > 0; i--) {
            medications.add(choose(rs, chaos, pick(UNRECOGNISED), this::medication));
        }
        List<Dispense> dispenses = new ArrayList<>();
        for (int i = range(0, 3).generate(rs); i > 0; i--) {
            int supply = pick(List.of(4, 7, 14, 30)).generate(rs);
            // around 75 % of the supply, and a dispense dated after the evaluation date
            int daysAgo = choose(rs, chaos, pick(List.of(30, 60)),
                    pick(List.of(-2, 0, 2, 3, 5, 6, 7, 8, 10, 11, 20, 22, 23, 30, 60)));
            dispenses.add(Dispense.of(AS_OF.minusDays(daysAgo), 60, supply));
        }
        // Now and then the fields a JSON reader did not know, as it hands them on.
        List<UnknownField> unknown = choose(rs, chaos, pick(List.of(List.<UnknownField>of())),
                pick(List.of(List.<UnknownField>of(), List.of(new UnknownField("medication", "medications")))));
        CheckRequest request = new CheckRequest(AS_OF, patient.build(), order, medications, dispenses, unknown);
        RequestValidation.requireValid(request, AS_OF);
        return request;
    }

    private static final Gen<Boolean> FALSE_OR_NULL = pick(Arrays.asList(null, Boolean.FALSE));
    private static final Gen<Boolean> TRISTATE = pick(Arrays.asList(null, Boolean.TRUE, Boolean.FALSE));

    /** The on-label value, or with probability {@code chaos} / 10 any value. */
    private static <T> T choose(RandomnessSource rs, int chaos, Gen<T> onLabel, Gen<T> any) {
        return range(0, 9).generate(rs) < chaos ? any.generate(rs) : onLabel.generate(rs);
    }

    private Medication medication(RandomnessSource rs) {
        Medication base = range(0, 4).generate(rs) == 0 ? pick(UNRECOGNISED).generate(rs)
                : pick(valueSetMedications).generate(rs);
        String display = base.display();
        if (display != null) {
            String suffix = pick(DOSE_FORM_WORDS).generate(rs);
            display = booleans().generate(rs) ? display.toUpperCase() + suffix : display + suffix;
        } else if (booleans().generate(rs)) {
            display = "coded drug" + pick(DOSE_FORM_WORDS).generate(rs);
        }
        String route = base.route() != null && booleans().generate(rs) ? base.route() : pick(MED_ROUTES).generate(rs);
        MedicationStatus status = pickNullable(MedicationStatus.values(), rs);
        return new Medication(base.system(), base.code(), display, route, status);
    }

    private static <T> T pickNullable(T[] values, RandomnessSource rs) {
        List<T> options = new ArrayList<>(Arrays.asList(values));
        options.add(null);
        return pick(options).generate(rs);
    }

    private static List<String[]> csv(String name) {
        try (InputStream in = RequestGenerator.class.getClassLoader().getResourceAsStream(KB + name)) {
            if (in == null) {
                throw new IllegalStateException(KB + name + " is not on the class path");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    rows.add(lines[i].split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
