package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.Dispense;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.Order;
import dev.ruxo.rules.Patient;
import dev.ruxo.rules.SafeText;
import dev.ruxo.rules.WireValue;
import dev.ruxo.rules.drools.facts.ConditionMatch;
import dev.ruxo.rules.drools.facts.DispenseFact;
import dev.ruxo.rules.drools.facts.IndicationGroup;
import dev.ruxo.rules.drools.facts.MedicationFact;
import dev.ruxo.rules.drools.facts.MedicationMatch;
import dev.ruxo.rules.drools.facts.OrderFact;
import dev.ruxo.rules.drools.facts.PackageFact;
import dev.ruxo.rules.drools.facts.PatientFact;
import dev.ruxo.rules.drools.facts.UnknownFieldsFact;
import dev.ruxo.rules.drools.facts.UnscreenedCondition;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a validated request into the facts the rules match. Everything here is lookup and date arithmetic; every
 * comparison with a threshold stays in the DRL.
 */
public final class FactBuilder {

    private static final String DEFAULT_ROUTE = "topical";
    /** Texts from the request reach findings cut to this and without control characters (see {@link SafeText}). */
    private static final int MAX_TEXT = 200;

    private final CompiledKnowledgeBase kb;

    /**
     * @param kb the knowledge base whose value sets and parameters to use
     */
    public FactBuilder(CompiledKnowledgeBase kb) {
        this.kb = kb;
    }

    /**
     * The facts for one check.
     *
     * @param request a request that passed validation
     * @param asOf    the evaluation date
     * @return the facts, parameters included
     */
    public List<Object> facts(CheckRequest request, LocalDate asOf) {
        List<Object> facts = new ArrayList<>(kb.params().size() + 8 + request.medications().size() * 2);
        facts.addAll(kb.params());
        facts.add(patient(request.patient(), asOf));
        Order order = request.order();
        String ndc11 = order.ndc() == null ? null : Codes.ndc11(order.ndc());
        facts.add(order(order, asOf, ndc11));
        if (ndc11 != null) {
            PackageFact pack = kb.packages().get(ndc11);
            if (pack != null) {
                facts.add(pack);
            }
        }
        List<Coding> conditions = request.patient().conditions();
        for (int i = 0; i < conditions.size(); i++) {
            Coding c = conditions.get(i);
            for (ConditionValueSets.Match m : kb.conditions().match(c.system(), c.code())) {
                facts.add(new ConditionMatch(m.valueSet(), i, c.code(), text(c.display(), m.row().name())));
            }
            if (!kb.conditions().screens(c.system(), c.code())) {
                String display = c.display() == null || c.display().isBlank() ? null : c.display().strip();
                facts.add(new UnscreenedCondition(i, c.code(), display == null ? c.code()
                        : display + " (" + c.code() + ")"));
            }
        }
        List<Medication> meds = request.medications();
        for (int i = 0; i < meds.size(); i++) {
            Medication med = meds.get(i);
            if (!med.isActive()) {
                continue;
            }
            String routeKind = kb.routes().kindOf(med.route(), med.display());
            String text = text(med.display(), med.system() == null ? null : med.code());
            facts.add(new MedicationFact(i, text, routeKind));
            int index = i;
            kb.medications().match(med.system(), med.code(), med.display(), routeKind).forEach((set, row) ->
                    facts.add(new MedicationMatch(set, index, row.name(), text, row.system(),
                            row.routeApplies(routeKind), !RouteTable.UNKNOWN.equals(routeKind), row.verified())));
        }
        if (!request.unknownFields().isEmpty()) {
            facts.add(new UnknownFieldsFact(request.unknownFields().size(), String.join(", ",
                    request.unknownFields().stream().map(f -> SafeText.cut(f.toString(), MAX_TEXT)).toList())));
        }
        List<Dispense> dispenses = request.dispenses();
        for (int i = 0; i < dispenses.size(); i++) {
            Dispense d = dispenses.get(i);
            facts.add(new DispenseFact(i, d.date().toString(), ChronoUnit.DAYS.between(d.date(), asOf),
                    d.daysSupply()));
        }
        return facts;
    }

    private static PatientFact patient(Patient p, LocalDate asOf) {
        boolean fromBirthDate = p.birthDate() != null;
        int age = fromBirthDate ? Period.between(p.birthDate(), asOf).getYears() : p.ageYears();
        return new PatientFact(age, fromBirthDate, p.pregnant(), p.breastfeeding(), p.immunocompromised(),
                wire(p.smokingStatus()));
    }

    private OrderFact order(Order o, LocalDate asOf, String ndc11) {
        Coding ind = o.indication();
        IndicationGroup group;
        List<ConditionValueSets.Match> sets = kb.conditions().match(ind.system(), ind.code());
        if (ConditionValueSets.contains(sets, KnowledgeBaseLoader.ATOPIC_DERMATITIS)) {
            group = IndicationGroup.ATOPIC_DERMATITIS;
        } else if (ConditionValueSets.contains(sets, KnowledgeBaseLoader.VITILIGO)) {
            group = IndicationGroup.VITILIGO;
        } else {
            group = IndicationGroup.OTHER;
        }
        String indicationText = ind.display() != null && !ind.display().isBlank()
                ? SafeText.cut(ind.display().strip(), MAX_TEXT) + " (" + SafeText.cut(ind.code(), MAX_TEXT) + ")"
                : SafeText.cut(ind.code(), MAX_TEXT);
        String route = o.route() == null ? DEFAULT_ROUTE : o.route().strip().toLowerCase(Locale.ROOT);
        String routeKind = kb.routes().orderRouteKind(route);
        route = SafeText.cut(route, MAX_TEXT);
        Integer therapyDays = o.therapyStartDate() == null ? null
                : saturatedInt(ChronoUnit.DAYS.between(o.therapyStartDate(), asOf));
        return new OrderFact(group, indicationText, wire(o.severity()), wire(o.vitiligoType()), o.bsaPercent(),
                o.quantityGrams(), o.daysSupply(), o.applicationsPerDay(),
                route, routeKind, o.occlusiveDressing(), therapyDays,
                wire(o.priorTopicalTherapy()), ndc11);
    }

    /**
     * Day counts beyond the int range (start dates millions of years away, which only the Java API can express) stay at
     * the range's ends instead of wrapping around: a wrapped count once turned a course of 6 million years into a few
     * days and hid the duration finding.
     */
    private static int saturatedInt(long days) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, days));
    }

    private static String wire(WireValue value) {
        return value == null ? null : value.wireValue();
    }

    private static String text(String display, String fallback) {
        if (display != null && !display.isBlank()) {
            return SafeText.cut(display.strip(), MAX_TEXT);
        }
        return fallback == null ? "(no text)" : SafeText.cut(fallback, MAX_TEXT);
    }
}
