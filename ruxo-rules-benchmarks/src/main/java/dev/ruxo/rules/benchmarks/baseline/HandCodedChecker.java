package dev.ruxo.rules.benchmarks.baseline;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Category;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.KnowledgeBaseInfo;
import dev.ruxo.rules.RequestValidation;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.Source;
import dev.ruxo.rules.drools.facts.ConditionMatch;
import dev.ruxo.rules.drools.facts.DispenseFact;
import dev.ruxo.rules.drools.facts.IndicationGroup;
import dev.ruxo.rules.drools.facts.MedicationFact;
import dev.ruxo.rules.drools.facts.MedicationMatch;
import dev.ruxo.rules.drools.facts.OrderFact;
import dev.ruxo.rules.drools.facts.PackageFact;
import dev.ruxo.rules.drools.facts.Param;
import dev.ruxo.rules.drools.facts.PatientFact;
import dev.ruxo.rules.drools.facts.UnknownFieldsFact;
import dev.ruxo.rules.drools.facts.UnscreenedCondition;
import dev.ruxo.rules.drools.internal.CompiledKnowledgeBase;
import dev.ruxo.rules.drools.internal.FactBuilder;
import dev.ruxo.rules.drools.internal.KnowledgeBaseFiles;
import dev.ruxo.rules.drools.internal.KnowledgeBaseLoader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The policy of {@code docs/clinical-rules.md} as plain Java: what a team would write instead of a rule engine. It
 * is the lower bound the benchmarks compare Drools with, and the second opinion the differential test compares the
 * knowledge base with.
 *
 * <p>It shares only the data with the Drools engine: the same parameters and value sets, and the same lookups
 * ({@link FactBuilder} turns a request into ages, day counts and value-set matches). Every decision (which threshold,
 * which severity, which category) is written here from the policy, independently of the DRL; rule ids are the public
 * ids of the rule catalogue so that findings can be compared one to one. Summaries are short and its own.
 *
 * <p>Thread safe: one instance serves any number of threads.
 */
public final class HandCodedChecker implements CheckEngine {

    private final CompiledKnowledgeBase kb;
    private final FactBuilder factBuilder;
    private final Limits limits;

    /**
     * @param kb the knowledge base whose data (parameters, value sets) to use; its rules are not used
     */
    public HandCodedChecker(CompiledKnowledgeBase kb) {
        this.kb = Objects.requireNonNull(kb, "kb must not be null");
        this.factBuilder = new FactBuilder(kb);
        this.limits = new Limits(kb.params());
    }

    /**
     * A checker over the built-in US knowledge base's data.
     *
     * @return the checker
     */
    public static HandCodedChecker builtIn() {
        return new HandCodedChecker(KnowledgeBaseLoader.load(KnowledgeBaseFiles.builtIn()));
    }

    @Override
    public KnowledgeBaseInfo knowledgeBase() {
        return kb.info();
    }

    @Override
    public Assessment check(CheckRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now();
        RequestValidation.requireValid(request, asOf);
        Input in = new Input(factBuilder.facts(request, asOf));
        Out out = new Out(kb.labelTitle(), kb.info().labelRevision(), kb.labelUrl());
        indication(in, out);
        dosing(in, out);
        interactions(in, out);
        safety(in, out);
        monitoring(in, out);
        data(in, out);
        return Assessment.of(out.findings, kb.info());
    }

    // --- policy: Indication

    private void indication(Input in, Out out) {
        IndicationGroup group = in.order.indication();
        boolean ad = group == IndicationGroup.ATOPIC_DERMATITIS;
        boolean vitiligo = group == IndicationGroup.VITILIGO;
        int age = in.patient.ageYears();
        if (ad && age < limits.adMinAge) {
            out.add("RUXO-IND-AGE-AD", Category.INDICATION, Severity.CRITICAL, "1",
                    "Atopic dermatitis under age " + limits.adMinAge);
        }
        if (vitiligo && age < limits.vitiligoMinAge) {
            out.add("RUXO-IND-AGE-VITILIGO", Category.INDICATION, Severity.CRITICAL, "1",
                    "Vitiligo under age " + limits.vitiligoMinAge);
        }
        // policy v2: any indication, labelled or not, below age 2 (label 8.4); atopic dermatitis has its own rule above
        if (!ad && age < limits.anyMinAge) {
            out.add("RUXO-IND-AGE-ANY", Category.INDICATION, Severity.CRITICAL, "8.4",
                    "Under age " + limits.anyMinAge + ", whatever the indication");
        }
        boolean immunocompromised = Boolean.TRUE.equals(in.patient.immunocompromised())
                || in.hasCondition("IMMUNOCOMPROMISED") || in.hasMedication("POTENT_IMMUNOSUPPRESSANT");
        if (ad && immunocompromised) {
            out.add("RUXO-IND-IMMUNOCOMPROMISED-AD", Category.INDICATION, Severity.CRITICAL, "1",
                    "Immunocompromised patient: outside the atopic dermatitis indication");
        }
        if (vitiligo && immunocompromised) {
            out.add("RUXO-IND-IMMUNOCOMPROMISED-VITILIGO", Category.INDICATION, Severity.WARNING, "1",
                    "Immunocompromised patient with vitiligo");
        }
        if (ad && "severe".equals(in.order.severity())) {
            out.add("RUXO-IND-SEVERE-AD", Category.INDICATION, Severity.WARNING, "1",
                    "Severe atopic dermatitis; indication is mild to moderate");
        }
        String prior = in.order.priorTopicalTherapy();
        if (ad && (prior == null || "none".equals(prior))) {
            out.add("RUXO-IND-PRIOR-THERAPY-AD", Category.INDICATION, Severity.WARNING, "1",
                    "No inadequate or inadvisable topical therapy documented");
        }
        if (vitiligo && "segmental".equals(in.order.vitiligoType())) {
            out.add("RUXO-IND-SEGMENTAL-VITILIGO", Category.INDICATION, Severity.WARNING, "1",
                    "Segmental vitiligo; indication is nonsegmental");
        }
        if (group == IndicationGroup.OTHER) {
            out.add("RUXO-IND-OFF-LABEL", Category.INDICATION, Severity.WARNING, "1",
                    "Off-label indication");
        }
    }

    // --- policy: Dosing

    private void dosing(Input in, Out out) {
        OrderFact o = in.order;
        boolean ad = o.indication() == IndicationGroup.ATOPIC_DERMATITIS;
        boolean vitiligo = o.indication() == IndicationGroup.VITILIGO;
        int age = in.patient.ageYears();
        BigDecimal bsa = o.bsaPercent();
        if (ad && bsa != null && bsa.compareTo(limits.adMaxBsa) > 0) {
            out.add("RUXO-DOSE-BSA-AD", Category.DOSING, Severity.CRITICAL, "2.1", "BSA above the AD limit");
        }
        if (vitiligo && bsa != null && bsa.compareTo(limits.vitiligoMaxBsa) > 0) {
            out.add("RUXO-DOSE-BSA-VITILIGO", Category.DOSING, Severity.CRITICAL, "2.2",
                    "BSA above the vitiligo limit");
        }
        if (o.indication() == IndicationGroup.OTHER && bsa != null && bsa.compareTo(limits.otherMaxBsa) > 0) {
            out.add("RUXO-DOSE-BSA-OTHER", Category.DOSING, Severity.CRITICAL, "policy",
                    "BSA above the limit for any other indication");
        }
        if (o.quantityGrams() != null && o.daysSupply() != null) {
            // grams / days against limit grams / window days, cross-multiplied so nothing rounds
            BigDecimal used = o.quantityGrams().multiply(limits.windowDays);
            BigDecimal days = BigDecimal.valueOf(o.daysSupply());
            boolean aboveCeiling = used.compareTo(limits.maxGrams.multiply(days)) > 0;
            if (age >= limits.adultAge && aboveCeiling) {
                out.add("RUXO-DOSE-QTY-WEEKLY", Category.DOSING, Severity.CRITICAL, "2",
                        "Quantity above the weekly ceiling");
            }
            // policy v2: "Age 2–11, whatever the indication"; below 2 the order is already an indication stop
            if (age >= limits.anyMinAge && age < limits.adultAge) {
                if (aboveCeiling) {
                    out.add("RUXO-DOSE-QTY-PED-CEILING", Category.DOSING, Severity.CRITICAL, "2.1",
                            "Child above the adult ceiling");
                }
                if (used.compareTo(limits.pediatricMaxGrams.multiply(days)) > 0) {
                    boolean verified = limits.pediatricMaxVerified;
                    out.add("RUXO-DOSE-QTY-PED-MAX", Category.DOSING,
                            verified ? Severity.CRITICAL : Severity.WARNING, "2.1", verified,
                            "Child above the pediatric maximum");
                }
            }
        }
        for (DispenseFact d : in.dispenses) {
            // too soon while elapsed < fraction × supply; a future-dated dispense has elapsed < 0
            BigDecimal due = limits.refillFraction.multiply(BigDecimal.valueOf(d.daysSupply()));
            if (BigDecimal.valueOf(d.elapsedDays()).compareTo(due) < 0) {
                out.add("RUXO-DOSE-REFILL-TOO-SOON", Category.DOSING, Severity.WARNING, "policy",
                        "Refill too soon after the dispense of " + d.date());
            }
        }
        if (!"skin".equals(o.routeKind())) {
            out.add("RUXO-DOSE-ROUTE", Category.DOSING, Severity.CRITICAL, "2", "Route is not topical");
        }
        if (Boolean.TRUE.equals(o.occlusiveDressing())) {
            out.add("RUXO-DOSE-OCCLUSION", Category.DOSING, Severity.WARNING, "2.1", "Occlusive dressing");
        }
        Integer perDay = o.applicationsPerDay(); // not recorded means the labelled regimen
        if (perDay != null && perDay > limits.applicationsPerDay) {
            out.add("RUXO-DOSE-FREQ-HIGH", Category.DOSING, Severity.WARNING, "2", "More than twice a day");
        } else if (perDay != null && perDay < limits.applicationsPerDay) {
            out.add("RUXO-DOSE-FREQ-LOW", Category.DOSING, Severity.INFO, "2", "Less than twice a day");
        }
        if (o.therapyDays() != null) {
            long days = o.therapyDays();
            if (ad && BigDecimal.valueOf(days).compareTo(limits.adReexamineDays) >= 0) {
                out.add("RUXO-DOSE-DURATION-AD", Category.DOSING, Severity.WARNING, "2.1",
                        "Atopic dermatitis treated " + days + " days");
            }
            if (vitiligo && BigDecimal.valueOf(days).compareTo(limits.vitiligoReevaluateDays) >= 0) {
                out.add("RUXO-DOSE-DURATION-VITILIGO", Category.DOSING, Severity.INFO, "2.2",
                        "Vitiligo treated " + days + " days");
            }
        }
        if (in.pack != null && in.pack.sample()) {
            out.add("RUXO-DOSE-SAMPLE-PACK", Category.DOSING, Severity.INFO, "16", "Sample tube ordered");
        }
    }

    // --- policy: Interactions (value-set matching and route applicability come from the shared data)

    private static final Map<String, String[]> INTERACTIONS = Map.of(
            "JAK_INHIBITOR", new String[] {"RUXO-DDI-JAK", "CRITICAL", "1"},
            "THERAPEUTIC_BIOLOGIC", new String[] {"RUXO-DDI-BIOLOGIC", "CRITICAL", "1"},
            "POTENT_IMMUNOSUPPRESSANT", new String[] {"RUXO-DDI-IMMUNOSUPPRESSANT", "CRITICAL", "1"},
            "OTHER_IMMUNOSUPPRESSANT", new String[] {"RUXO-DDI-IMMUNOSUPPRESSANT-OTHER", "WARNING", "policy"},
            "TYK2_INHIBITOR", new String[] {"RUXO-DDI-TYK2", "WARNING", "policy"},
            "STRONG_CYP3A4_INHIBITOR", new String[] {"RUXO-DDI-CYP3A4-STRONG", "WARNING", "7"},
            "MODERATE_CYP3A4_INHIBITOR", new String[] {"RUXO-DDI-CYP3A4-MODERATE", "INFO", "policy"});

    private static void interactions(Input in, Out out) {
        for (MedicationMatch m : in.medicationMatches) {
            String[] rule = INTERACTIONS.get(m.valueSet());
            if (rule != null && m.routeApplies()) {
                // the label's section 7 wording for strong CYP3A4 inhibitors is unverified
                boolean verified = !"RUXO-DDI-CYP3A4-STRONG".equals(rule[0]);
                out.add(rule[0], Category.INTERACTION, Severity.valueOf(rule[1]), rule[2], verified,
                        m.valueSet() + ": " + m.text());
            }
        }
    }

    // --- policy: Patient safety

    private void safety(Input in, Out out) {
        PatientFact p = in.patient;
        Set<Integer> ownInfectionRule = new HashSet<>();
        for (ConditionMatch c : in.conditions) {
            if (Set.of("ACTIVE_SERIOUS_INFECTION", "ACTIVE_TUBERCULOSIS", "LATENT_TUBERCULOSIS", "CHRONIC_HEPATITIS_B",
                    "CHRONIC_HEPATITIS_C", "RECURRENT_OR_CHRONIC_INFECTION", "HERPES_ZOSTER_HISTORY", "HIV")
                    .contains(c.valueSet())) {
                ownInfectionRule.add(c.index());
            }
        }
        for (ConditionMatch c : in.conditions) {
            // policy v2: any other active infection, unless the condition already gives an infection finding
            if ("OTHER_ACTIVE_INFECTION".equals(c.valueSet()) && !ownInfectionRule.contains(c.index())) {
                out.add("RUXO-SAF-INFECTION-OTHER", Category.CONTRAINDICATION, Severity.WARNING, "5.1",
                        "Other active infection: " + c.text());
            }
            switch (c.valueSet()) {
                case "ACTIVE_SERIOUS_INFECTION", "ACTIVE_TUBERCULOSIS" -> out.add("RUXO-SAF-INFECTION-ACTIVE",
                        Category.CONTRAINDICATION, Severity.CRITICAL, "5.1", "Active serious infection: " + c.text());
                case "LATENT_TUBERCULOSIS", "CHRONIC_HEPATITIS_B", "CHRONIC_HEPATITIS_C",
                        "RECURRENT_OR_CHRONIC_INFECTION", "HERPES_ZOSTER_HISTORY" -> out.add(
                        "RUXO-SAF-INFECTION-CHRONIC", Category.CONTRAINDICATION, Severity.WARNING, "5.1",
                        "Chronic or latent infection: " + c.text());
                case "HIV" -> {
                    // policy: "HIV (for vitiligo)", because for atopic dermatitis HIV is already the
                    // immunocompromised indication stop; read as "any indication but atopic dermatitis"
                    if (in.order.indication() != IndicationGroup.ATOPIC_DERMATITIS) {
                        out.add("RUXO-SAF-HIV", Category.CONTRAINDICATION, Severity.WARNING, "5.1",
                                "HIV infection: " + c.text());
                    }
                }
                case "MALIGNANCY" -> out.add("RUXO-SAF-MALIGNANCY", Category.CONTRAINDICATION, Severity.WARNING,
                        "5.3", "Known malignancy: " + c.text());
                case "MI_OR_STROKE_HISTORY" -> out.add("RUXO-SAF-MI-STROKE", Category.CONTRAINDICATION,
                        Severity.WARNING, "5.4", "Myocardial infarction or stroke: " + c.text());
                case "THROMBOSIS_OR_THROMBOPHILIA" -> out.add("RUXO-SAF-THROMBOSIS", Category.CONTRAINDICATION,
                        Severity.WARNING, "5.5", "Thrombosis or thrombophilia: " + c.text());
                default -> {
                }
            }
        }
        if (Boolean.TRUE.equals(p.breastfeeding()) || in.hasCondition("LACTATION")) {
            out.add("RUXO-SAF-BREASTFEEDING", Category.CONTRAINDICATION, Severity.CRITICAL, "8.2", "Breastfeeding");
        }
        boolean smoker = "current".equals(p.smokingStatus()) || "former".equals(p.smokingStatus())
                || in.hasCondition("TOBACCO_USE");
        if (smoker) {
            out.add("RUXO-SAF-SMOKER", Category.CONTRAINDICATION, Severity.WARNING, "5.3", "Current or former smoker");
        }
        // policy's risk factors: current or former smoker, hypertension, diabetes, dyslipidemia, metabolic syndrome
        // (v2), atherosclerotic disease
        if (p.ageYears() >= limits.maceAge && (smoker || in.hasCondition("HYPERTENSION")
                || in.hasCondition("DIABETES") || in.hasCondition("DYSLIPIDEMIA")
                || in.hasCondition("METABOLIC_SYNDROME")
                || in.hasCondition("ATHEROSCLEROTIC_DISEASE"))) {
            out.add("RUXO-SAF-MACE-AGE", Category.CONTRAINDICATION, Severity.WARNING, "5.2",
                    "Age " + p.ageYears() + " with a cardiovascular risk factor");
        }
        if (Boolean.TRUE.equals(p.pregnant()) || in.hasCondition("PREGNANCY")) {
            out.add("RUXO-SAF-PREGNANCY", Category.CONTRAINDICATION, Severity.WARNING, "8.1", "Pregnancy");
        }
    }

    // --- policy: Monitoring

    private static void monitoring(Input in, Out out) {
        if (in.hasCondition("CYTOPENIA")) {
            out.add("RUXO-MON-BLOOD-COUNTS", Category.MONITORING, Severity.INFO, "5.6", "Cytopenia: monitor counts");
        }
        if (in.hasCondition("DYSLIPIDEMIA")) {
            // the label's lipid monitoring wording is unverified
            out.add("RUXO-MON-LIPIDS", Category.MONITORING, Severity.INFO, "5.7", false, "Dyslipidemia: lipids");
        }
    }

    // --- policy: Data

    private static void data(Input in, Out out) {
        OrderFact o = in.order;
        if (o.bsaPercent() == null) { // v2: every indication has a BSA limit
            out.add("RUXO-DATA-BSA-MISSING", Category.DATA, Severity.WARNING, "2", "BSA not recorded");
        }
        if (o.quantityGrams() == null || o.daysSupply() == null) {
            out.add("RUXO-DATA-QTY-MISSING", Category.DATA, Severity.WARNING, "2", "Quantity or days not recorded");
        }
        if (!in.unscreened.isEmpty()) {
            out.add("RUXO-DATA-CONDITION-UNSCREENED", Category.DATA, Severity.INFO, "5.1",
                    in.unscreened.size() + " problem-list entries not screened");
        }
        for (MedicationFact m : in.medications) {
            if (!in.recognisedMedications.contains(m.index())) {
                out.add("RUXO-DATA-MED-UNRECOGNISED", Category.DATA, Severity.INFO, "1", "Not screened: " + m.text());
            }
        }
        if (in.unknownFields != null) {
            out.add("RUXO-DATA-UNKNOWN-FIELDS", Category.DATA, Severity.WARNING, "policy",
                    "Unknown fields: " + in.unknownFields.fields());
        }
    }

    // --- plumbing

    /** The request's facts, sorted by kind. */
    private static final class Input {
        PatientFact patient;
        OrderFact order;
        PackageFact pack;
        final List<ConditionMatch> conditions = new ArrayList<>();
        final Set<String> conditionSets = new HashSet<>();
        final List<MedicationFact> medications = new ArrayList<>();
        final List<MedicationMatch> medicationMatches = new ArrayList<>();
        final Set<String> applyingMedicationSets = new HashSet<>();
        final Set<Integer> recognisedMedications = new HashSet<>();
        final List<DispenseFact> dispenses = new ArrayList<>();
        UnknownFieldsFact unknownFields;
        final List<UnscreenedCondition> unscreened = new ArrayList<>();

        Input(List<Object> facts) {
            for (Object f : facts) {
                if (f instanceof ConditionMatch c) {
                    conditions.add(c);
                    conditionSets.add(c.valueSet());
                } else if (f instanceof MedicationMatch m) {
                    medicationMatches.add(m);
                    recognisedMedications.add(m.index());
                    if (m.routeApplies()) {
                        applyingMedicationSets.add(m.valueSet());
                    }
                } else if (f instanceof MedicationFact m) {
                    medications.add(m);
                } else if (f instanceof UnscreenedCondition u) {
                    unscreened.add(u);
                } else if (f instanceof DispenseFact d) {
                    dispenses.add(d);
                } else if (f instanceof PatientFact p) {
                    patient = p;
                } else if (f instanceof OrderFact o) {
                    order = o;
                } else if (f instanceof PackageFact p) {
                    pack = p;
                } else if (f instanceof UnknownFieldsFact u) {
                    unknownFields = u;
                }
            }
        }

        boolean hasCondition(String valueSet) {
            return conditionSets.contains(valueSet);
        }

        boolean hasMedication(String valueSet) {
            return applyingMedicationSets.contains(valueSet);
        }
    }

    /** Thresholds, read once from the parameters. */
    private static final class Limits {
        final int adMinAge;
        final int vitiligoMinAge;
        final BigDecimal adMaxBsa;
        final BigDecimal vitiligoMaxBsa;
        final int adultAge;
        final BigDecimal maxGrams;
        final BigDecimal windowDays;
        final BigDecimal pediatricMaxGrams;
        final boolean pediatricMaxVerified;
        final BigDecimal refillFraction;
        final int applicationsPerDay;
        final BigDecimal adReexamineDays;
        final BigDecimal vitiligoReevaluateDays;
        final int maceAge;
        final int anyMinAge;
        final BigDecimal otherMaxBsa;

        Limits(List<Param> params) {
            Map<String, Param> byId = new HashMap<>();
            params.forEach(p -> byId.put(p.id(), p));
            adMinAge = whole(byId, "AD_MIN_AGE_YEARS");
            vitiligoMinAge = whole(byId, "VITILIGO_MIN_AGE_YEARS");
            adMaxBsa = value(byId, "AD_MAX_BSA_PERCENT");
            vitiligoMaxBsa = value(byId, "VITILIGO_MAX_BSA_PERCENT");
            adultAge = whole(byId, "ADULT_DOSING_MIN_AGE_YEARS");
            maxGrams = value(byId, "MAX_GRAMS_PER_WINDOW");
            windowDays = value(byId, "QUANTITY_WINDOW_DAYS");
            pediatricMaxGrams = value(byId, "PEDIATRIC_MAX_GRAMS_PER_WINDOW");
            pediatricMaxVerified = byId.get("PEDIATRIC_MAX_GRAMS_PER_WINDOW").verified();
            refillFraction = value(byId, "REFILL_MIN_USED_FRACTION");
            applicationsPerDay = whole(byId, "LABELLED_APPLICATIONS_PER_DAY");
            adReexamineDays = value(byId, "AD_REEXAMINE_WEEKS").multiply(BigDecimal.valueOf(7));
            vitiligoReevaluateDays = value(byId, "VITILIGO_REEVALUATE_WEEKS").multiply(BigDecimal.valueOf(7));
            maceAge = whole(byId, "MACE_RISK_MIN_AGE_YEARS");
            anyMinAge = whole(byId, "ANY_INDICATION_MIN_AGE_YEARS");
            otherMaxBsa = value(byId, "OTHER_MAX_BSA_PERCENT");
        }

        private static BigDecimal value(Map<String, Param> byId, String id) {
            Param p = byId.get(id);
            if (p == null) {
                throw new IllegalArgumentException("the knowledge base has no parameter " + id);
            }
            return p.value();
        }

        /** Ages and counts are whole numbers; a fractional age limit of n.x means "from n+1". */
        private static int whole(Map<String, Param> byId, String id) {
            return value(byId, id).setScale(0, java.math.RoundingMode.CEILING).intValueExact();
        }
    }

    /** Collects findings, one per rule and summary. */
    private static final class Out {
        final String label;
        final String revision;
        final String url;
        final List<Finding> findings = new ArrayList<>();
        final Set<String> seen = new HashSet<>();

        Out(String label, String revision, String url) {
            this.label = label;
            this.revision = revision;
            this.url = url;
        }

        void add(String ruleId, Category category, Severity severity, String section, String summary) {
            add(ruleId, category, severity, section, true, summary);
        }

        void add(String ruleId, Category category, Severity severity, String section, boolean verified,
                 String summary) {
            String line = summary.length() <= Finding.MAX_SUMMARY_LENGTH ? summary
                    : summary.substring(0, Finding.MAX_SUMMARY_LENGTH);
            if (seen.add(ruleId + '\n' + line)) {
                findings.add(new Finding(ruleId, category, severity, line, null,
                        new Source(label, section, revision, url, verified), true));
            }
        }
    }
}
