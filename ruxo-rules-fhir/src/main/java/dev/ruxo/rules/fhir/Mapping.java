package dev.ruxo.rules.fhir;

import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.CodeSystems;
import dev.ruxo.rules.Dispense;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.MedicationStatus;
import dev.ruxo.rules.Order;
import dev.ruxo.rules.Patient;
import dev.ruxo.rules.RequestValidation;
import dev.ruxo.rules.Sex;
import dev.ruxo.rules.SmokingStatus;
import dev.ruxo.rules.Violation;
import dev.ruxo.rules.WireValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Type;

/** One mapping run: indexes the resources, then builds the request. Not thread safe; one per call. */
final class Mapping {

    private static final Set<String> ACTIVE_CLINICAL = Set.of("active", "recurrence", "relapse");
    private static final Set<String> EXCLUDED_VERIFICATION = Set.of("refuted", "entered-in-error");
    private static final Set<String> FINAL_OBSERVATION = Set.of("final", "amended", "corrected");
    private static final Set<String> USED_DISPENSE = Set.of("completed", "in-progress", "unknown");
    private static final Set<String> COURSE_REQUEST = Set.of("active", "on-hold", "completed", "unknown");
    private static final Set<String> COURSE_STATEMENT = Set.of("active", "on-hold", "completed", "unknown");

    private final FhirCheckMapper config;
    private final Bundle draftBundle;
    private final List<? extends IBaseResource> record;
    private final String patientId;
    private final LocalDate today;

    private final List<Violation> errors = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Resource> byRef = new HashMap<>();
    private final Map<Resource, String> fullUrls = new IdentityHashMap<>();
    private final List<Resource> records = new ArrayList<>();
    private final List<MedicationRequest> drafts = new ArrayList<>();
    private final Set<Resource> used = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Resource, Boolean> creamRecords = new IdentityHashMap<>();
    private int read;

    Mapping(FhirCheckMapper config, Bundle draftBundle, List<? extends IBaseResource> record, String patientId) {
        this.config = config;
        this.draftBundle = draftBundle;
        this.record = record;
        this.patientId = patientId;
        this.today = config.asOf() != null ? config.asOf() : LocalDate.now();
    }

    FhirMapping run() {
        if (draftBundle != null) {
            for (Bundle.BundleEntryComponent e : draftBundle.getEntry()) {
                Resource r = e.getResource();
                if (r == null) {
                    continue;
                }
                index(r, e.getFullUrl());
                if (r instanceof MedicationRequest mr) {
                    drafts.add(mr);
                }
            }
        }
        Set<String> draftRefs = new LinkedHashSet<>();
        drafts.forEach(d -> draftRefs.add(name(d)));
        for (IBaseResource r : record) {
            if (r instanceof Resource res) {
                flatten(res, null);
            }
        }
        // a prefetched copy of a draft order is the draft order
        records.removeIf(r -> r instanceof MedicationRequest && draftRefs.contains(name(r)) && hasId(r));

        MedicationRequest cream = null;
        List<FhirMapping.DraftOrder> draftOrders = new ArrayList<>();
        for (MedicationRequest d : drafts) {
            Concept c = concept(d.getMedication(), d);
            boolean isCream = cream == null && isCream(c, routes(d.getDosageInstruction()));
            if (isCream) {
                cream = d;
                draftOrders.add(new FhirMapping.DraftOrder(name(d), d, true, null));
            } else {
                Medication m = medication(c, d, route(d.getDosageInstruction()), requestStatus(d));
                draftOrders.add(new FhirMapping.DraftOrder(name(d), d, false, m));
            }
        }
        if (cream == null) {
            return new FhirMapping(FhirMapping.Status.NOTHING_TO_CHECK, null, draftOrders, List.of(), List.of(), read,
                    0);
        }
        used.add(cream);
        Patient patient = patient();
        Order order = order(cream);
        List<Medication> medications = new ArrayList<>();
        for (FhirMapping.DraftOrder d : draftOrders) {
            if (!d.cream() && d.medication() != null) {
                medications.add(d.medication());
                used.add(d.resource());
            }
        }
        medications.addAll(recordMedications());
        List<Dispense> dispenses = dispenses();

        if (!errors.isEmpty()) {
            // the same element may be read twice (a dispense is a course record and a dispense)
            throw new InvalidRequestException(new ArrayList<>(new LinkedHashSet<>(errors)));
        }
        if (!missing.isEmpty()) {
            return new FhirMapping(FhirMapping.Status.INCOMPLETE, null, draftOrders, missing, notes, read, used.size());
        }
        CheckRequest request = new CheckRequest(config.asOf(), patient, order, medications, dispenses);
        // a checkable mapping carries a valid request (a birth date after today is caught here, not in the engine)
        List<Violation> invalid = RequestValidation.violations(request, today);
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException(invalid);
        }
        return new FhirMapping(FhirMapping.Status.CHECKABLE, request, draftOrders, List.of(), notes, read, used.size());
    }

    // ---- indexing ----

    private void flatten(Resource r, String fullUrl) {
        if (r instanceof Bundle b) {
            for (Bundle.BundleEntryComponent e : b.getEntry()) {
                if (e.getResource() != null) {
                    flatten(e.getResource(), e.getFullUrl());
                }
            }
            return;
        }
        index(r, fullUrl);
        records.add(r);
    }

    private void index(Resource r, String fullUrl) {
        read++;
        if (fullUrl != null && !fullUrl.isBlank()) {
            byRef.putIfAbsent(fullUrl, r);
            fullUrls.put(r, fullUrl);
        }
        if (hasId(r)) {
            byRef.putIfAbsent(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
        }
        if (r instanceof DomainResource dr) {
            read += dr.getContained().size();
        }
    }

    private static boolean hasId(Resource r) {
        return r.getIdElement() != null && r.getIdElement().hasIdPart();
    }

    /** How a resource is named in errors and card actions: Type/id, else its fullUrl, else its type. */
    private String name(Resource r) {
        if (hasId(r)) {
            String id = r.getIdElement().getIdPart();
            // HAPI sets a bundle entry's urn:uuid fullUrl as the id of a resource without one when it encodes
            return id.startsWith("urn:") ? id : r.fhirType() + "/" + id;
        }
        String url = fullUrls.get(r);
        return url != null ? url : r.fhirType() + " (without id)";
    }

    private Resource resolve(Reference ref, Resource owner) {
        if (ref == null) {
            return null;
        }
        if (ref.getResource() instanceof Resource r) {
            return r;
        }
        String s = ref.getReference();
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.startsWith("#")) {
            if (owner instanceof DomainResource dr) {
                String id = s.substring(1);
                for (Resource c : dr.getContained()) {
                    String cid = c.getIdElement() == null ? null : c.getIdElement().getIdPart();
                    if (cid != null && (cid.equals(id) || cid.equals(s))) {
                        return c;
                    }
                }
            }
            return null;
        }
        Resource direct = byRef.get(s);
        if (direct != null) {
            return direct;
        }
        IdType id = new IdType(s);
        if (id.hasResourceType() && id.hasIdPart()) {
            return byRef.get(id.getResourceType() + "/" + id.getIdPart());
        }
        return null;
    }

    private <T extends Resource> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Resource r : records) {
            if (type.isInstance(r)) {
                out.add(type.cast(r));
            }
        }
        return out;
    }

    // ---- medications ----

    /** A medication concept: its code, and a display to fall back on. */
    private record Concept(CodeableConcept code, String display, org.hl7.fhir.r4.model.Medication resource) {
        List<Coding> codings() {
            return code == null ? List.of() : code.getCoding();
        }

        List<String> texts() {
            List<String> t = new ArrayList<>();
            if (code != null && code.hasText()) {
                t.add(code.getText());
            }
            for (Coding c : codings()) {
                if (c.hasDisplay()) {
                    t.add(c.getDisplay());
                }
            }
            if (display != null) {
                t.add(display);
            }
            if (resource != null && resource.hasForm()) {
                CodeableConcept form = resource.getForm();
                if (form.hasText()) {
                    t.add(form.getText());
                }
                form.getCoding().stream().filter(Coding::hasDisplay).forEach(c -> t.add(c.getDisplay()));
            }
            return t;
        }
    }

    private Concept concept(Type medication, Resource owner) {
        if (medication instanceof CodeableConcept cc) {
            return new Concept(cc, null, null);
        }
        if (medication instanceof Reference ref) {
            Resource target = resolve(ref, owner);
            if (target instanceof org.hl7.fhir.r4.model.Medication m) {
                used.add(m);
                return new Concept(m.hasCode() ? m.getCode() : null, ref.getDisplay(), m);
            }
            return new Concept(null, ref.hasDisplay() ? ref.getDisplay() : null, null);
        }
        return new Concept(null, null, null);
    }

    /** Whether a record (order, statement, dispense) is of the cream; each is decided once per mapping. */
    private boolean creamRecord(Resource r) {
        Boolean known = creamRecords.get(r);
        if (known == null) {
            if (r instanceof MedicationRequest mr) {
                known = isCream(concept(mr.getMedication(), mr), routes(mr.getDosageInstruction()));
            } else if (r instanceof MedicationStatement ms) {
                known = isCream(concept(ms.getMedication(), ms), routes(ms.getDosage()));
            } else if (r instanceof MedicationDispense md) {
                known = isCream(concept(md.getMedication(), md), routes(md.getDosageInstruction()));
            } else {
                known = false;
            }
            creamRecords.put(r, known);
        }
        return known;
    }

    private boolean isCream(Concept c, List<String> routeWords) {
        boolean topicalForm = false;
        for (String t : c.texts()) {
            String s = t.toLowerCase(Locale.ROOT);
            if (s.contains("opzelura") || s.contains("ruxolitinib") && (s.contains("cream") || s.contains("topical"))) {
                return true;
            }
            topicalForm |= s.contains("cream") || s.contains("topical") || s.contains("cutaneous");
        }
        for (String w : routeWords) {
            topicalForm |= w.equals("topical") || w.equals("cutaneous");
        }
        for (Coding coding : c.codings()) {
            String system = coding.getSystem();
            String code = coding.getCode();
            if (code == null) {
                continue;
            }
            if (FhirCodes.NDC.equals(system) && creamPackage(code) != null) {
                return true;
            }
            if (CodeSystems.RXNORM.equals(system)) {
                if (config.creamRxNormCodes().contains(code)) {
                    return true;
                }
                if (FhirCodes.RUXOLITINIB_RXCUI.equals(code) && topicalForm) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The package segment of a cream NDC ("" for the product NDC without a package), or null when it is not the
     * cream: 50881-007-05, 50881-0007-05, 50881000705, 5088100705, 50881-007.
     */
    static String creamPackage(String ndc) {
        String s = ndc.trim();
        String[] parts = s.split("-");
        if (parts.length >= 2 && parts[0].equals("50881") && (parts[1].equals("007") || parts[1].equals("0007"))) {
            if (parts.length == 2) {
                return "";
            }
            return parts.length == 3 && parts[2].matches("\\d{2}") ? parts[2] : null;
        }
        if (s.matches("\\d{11}") && s.startsWith("508810007")) {
            return s.substring(9);
        }
        if (s.matches("\\d{10}") && s.startsWith("50881007")) {
            return s.substring(8);
        }
        return null;
    }

    private static String creamNdc(Concept c) {
        for (Coding coding : c.codings()) {
            if (FhirCodes.NDC.equals(coding.getSystem()) && coding.getCode() != null) {
                String pkg = creamPackage(coding.getCode());
                if (pkg != null && !pkg.isEmpty()) {
                    return FhirCodes.CREAM_PRODUCT_NDC + "-" + pkg;
                }
            }
        }
        return null;
    }

    private Medication medication(Concept c, Resource owner, String route, MedicationStatus status) {
        Coding chosen = null;
        for (String system : List.of(CodeSystems.RXNORM, CodeSystems.ATC)) {
            for (Coding coding : c.codings()) {
                if (chosen == null && system.equals(coding.getSystem()) && coding.hasCode()) {
                    chosen = coding;
                }
            }
        }
        if (chosen == null) {
            for (Coding coding : c.codings()) {
                if (chosen == null && coding.hasSystem() && coding.hasCode()) {
                    chosen = coding;
                }
            }
        }
        String display = null;
        if (c.code() != null && c.code().hasText()) {
            display = c.code().getText();
        } else if (chosen != null && chosen.hasDisplay()) {
            display = chosen.getDisplay();
        } else {
            for (Coding coding : c.codings()) {
                if (display == null && coding.hasDisplay()) {
                    display = coding.getDisplay();
                }
            }
        }
        if (display == null) {
            display = c.display();
        }
        if (display != null && display.isBlank()) {
            display = null;
        }
        if (chosen == null && display == null) {
            display = "medication of " + name(owner) + " (no code or text)";
        }
        return new Medication(chosen == null ? null : chosen.getSystem(), chosen == null ? null : chosen.getCode(),
                display, route, status);
    }

    private List<Medication> recordMedications() {
        List<Medication> out = new ArrayList<>();
        for (MedicationRequest mr : all(MedicationRequest.class)) {
            if (creamRecord(mr)) {
                continue;
            }
            Concept c = concept(mr.getMedication(), mr);
            MedicationStatus status = requestStatus(mr);
            if (status != null) {
                out.add(medication(c, mr, route(mr.getDosageInstruction()), status));
                used.add(mr);
            }
        }
        for (MedicationStatement ms : all(MedicationStatement.class)) {
            if (creamRecord(ms)) {
                continue;
            }
            Concept c = concept(ms.getMedication(), ms);
            MedicationStatus status = statementStatus(ms);
            if (status != null) {
                out.add(medication(c, ms, route(ms.getDosage()), status));
                used.add(ms);
            }
        }
        return out;
    }

    private static String code(PrimitiveType<?> p) {
        return p == null || p.getValueAsString() == null ? null : p.getValueAsString();
    }

    /** Screened: active, on-hold, draft, unknown; not: completed, stopped, cancelled; dropped: entered-in-error. */
    private static MedicationStatus requestStatus(MedicationRequest mr) {
        String s = code(mr.getStatusElement());
        if (s == null) {
            return MedicationStatus.ACTIVE;
        }
        return switch (s) {
            case "on-hold" -> MedicationStatus.ON_HOLD;
            case "completed" -> MedicationStatus.COMPLETED;
            case "stopped", "cancelled" -> MedicationStatus.STOPPED;
            case "entered-in-error" -> null;
            default -> MedicationStatus.ACTIVE;
        };
    }

    /** Screened: active, intended, on-hold, unknown; not: completed, stopped, not-taken; dropped: entered-in-error. */
    private static MedicationStatus statementStatus(MedicationStatement ms) {
        String s = code(ms.getStatusElement());
        if (s == null) {
            return MedicationStatus.ACTIVE;
        }
        return switch (s) {
            case "on-hold" -> MedicationStatus.ON_HOLD;
            case "completed" -> MedicationStatus.COMPLETED;
            case "stopped", "not-taken" -> MedicationStatus.STOPPED;
            case "entered-in-error" -> null;
            default -> MedicationStatus.ACTIVE;
        };
    }

    // ---- routes ----

    private static List<String> routes(List<Dosage> dosages) {
        List<String> out = new ArrayList<>();
        for (Dosage d : dosages) {
            if (d.hasRoute()) {
                String w = routeWord(d.getRoute());
                if (w != null) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** The route word of the first dosage with a route, for a co-medication; null when none can be read. */
    private static String route(List<Dosage> dosages) {
        for (Dosage d : dosages) {
            if (d.hasRoute()) {
                String w = routeWord(d.getRoute());
                if (w != null) {
                    return w;
                }
            }
        }
        return null;
    }

    /** A route word from codes (SNOMED CT, HL7 v3) or else from the text; null when there is neither. */
    static String routeWord(CodeableConcept route) {
        for (Coding c : route.getCoding()) {
            if (c.getCode() == null) {
                continue;
            }
            if (CodeSystems.SNOMED_CT.equals(c.getSystem())) {
                String w = FhirCodes.SNOMED_ROUTES.get(c.getCode());
                if (w != null) {
                    return w;
                }
            } else if (FhirCodes.V3_ROUTE.equals(c.getSystem())) {
                String w = FhirCodes.V3_ROUTES.get(c.getCode().toUpperCase(Locale.ROOT));
                if (w != null) {
                    return w;
                }
            }
        }
        String text = route.hasText() ? route.getText() : null;
        for (Coding c : route.getCoding()) {
            if (text == null && c.hasDisplay()) {
                text = c.getDisplay();
            }
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.trim().toLowerCase(Locale.ROOT);
    }

    // ---- the order ----

    private Order order(MedicationRequest mr) {
        String res = name(mr);
        Concept c = concept(mr.getMedication(), mr);
        Order.Builder b = Order.builder();
        String ndc = creamNdc(c);
        b.ndc(ndc);
        b.indication(indication(mr, res));

        if (mr.hasDispenseRequest()) {
            MedicationRequest.MedicationRequestDispenseRequestComponent dr = mr.getDispenseRequest();
            if (dr.hasQuantity()) {
                b.quantityGrams(grams(dr.getQuantity(), ndc, res, "dispenseRequest.quantity"));
            }
            if (dr.hasExpectedSupplyDuration()) {
                b.daysSupply(days(dr.getExpectedSupplyDuration(), res, "dispenseRequest.expectedSupplyDuration"));
            }
        }
        // route and frequency: the first dosage instruction that states them
        List<Dosage> dosages = mr.getDosageInstruction();
        for (int i = 0; i < dosages.size(); i++) {
            Dosage d = dosages.get(i);
            if (d.hasRoute()) {
                String w = routeWord(d.getRoute());
                if (w == null) {
                    errors.add(new Violation(res, "dosageInstruction[" + i + "].route has no known route code and no text"));
                } else {
                    b.route(w);
                }
                break;
            }
        }
        for (int i = 0; i < dosages.size(); i++) {
            Integer perDay = applicationsPerDay(dosages.get(i), res, "dosageInstruction[" + i + "].timing");
            if (perDay != null) {
                b.applicationsPerDay(perDay);
                break;
            }
        }
        b.bsaPercent(bsa(mr, res));
        b.therapyStartDate(therapyStart());
        return b.build();
    }

    private dev.ruxo.rules.Coding indication(MedicationRequest mr, String res) {
        for (CodeableConcept cc : mr.getReasonCode()) {
            dev.ruxo.rules.Coding c = preferred(cc);
            if (c != null) {
                return c;
            }
        }
        List<Reference> refs = mr.getReasonReference();
        for (int i = 0; i < refs.size(); i++) {
            Resource target = resolve(refs.get(i), mr);
            if (target instanceof Condition cond) {
                used.add(cond);
                dev.ruxo.rules.Coding c = cond.hasCode() ? preferred(cond.getCode()) : null;
                if (c != null) {
                    return c;
                }
            }
        }
        if (!refs.isEmpty()) {
            missing.add(res + ": reasonReference (the Condition it names is not in the request, or has no code)");
        } else if (mr.hasReasonCode()) {
            missing.add(res + ": reasonCode (it has no coding with a system and code)");
        } else {
            missing.add(res + ": reasonCode or reasonReference (the indication)");
        }
        return null;
    }

    /** ICD-10-CM first, then SNOMED CT, then any coding with a system and a code. */
    private static dev.ruxo.rules.Coding preferred(CodeableConcept cc) {
        for (String system : List.of(CodeSystems.ICD_10_CM, CodeSystems.SNOMED_CT)) {
            for (Coding c : cc.getCoding()) {
                if (system.equals(c.getSystem()) && c.hasCode()) {
                    return coding(c);
                }
            }
        }
        for (Coding c : cc.getCoding()) {
            if (c.hasSystem() && c.hasCode()) {
                return coding(c);
            }
        }
        return null;
    }

    private static dev.ruxo.rules.Coding coding(Coding c) {
        return new dev.ruxo.rules.Coding(c.getSystem(), c.getCode(), c.hasDisplay() ? c.getDisplay() : null);
    }

    /** Grams from a quantity in a mass unit, or in tubes with a known package NDC; null when it has no value. */
    private BigDecimal grams(Quantity q, String ndc, String res, String path) {
        if (q.getValueElement() != null && q.getValueElement().getValueAsString() != null && !q.hasValue()) {
            errors.add(new Violation(res, path + ".value is not a number"));
            return null;
        }
        if (!q.hasValue()) {
            return null;
        }
        BigDecimal value = q.getValue();
        String unit = unitOf(q);
        if (unit == null) {
            errors.add(new Violation(res, path + " has no unit, so it cannot be read as grams"));
            return null;
        }
        BigDecimal grams;
        switch (unit) {
            case "g", "gm", "gram", "grams", "[g]" -> grams = value;
            case "kg" -> grams = value.multiply(BigDecimal.valueOf(1000));
            case "mg" -> grams = value.divide(BigDecimal.valueOf(1000));
            case "tube", "tubes", "{tube}", "{tubes}", "tu" -> {
                Integer per = null;
                if (ndc != null) {
                    per = FhirCodes.PACKAGE_GRAMS.get(ndc.substring(ndc.length() - 2));
                }
                if (per == null) {
                    errors.add(new Violation(res, path + " counts tubes, but the order names no package NDC of the"
                            + " cream, so the grams are not known"));
                    return null;
                }
                grams = value.multiply(BigDecimal.valueOf(per));
            }
            default -> {
                errors.add(new Violation(res, path + ".unit '" + sentUnit(q) + "' is not a mass"));
                return null;
            }
        }
        if (grams.signum() <= 0) {
            errors.add(new Violation(res, path + ".value must be greater than 0"));
            return null;
        }
        return grams.stripTrailingZeros().scale() < 0 ? grams.setScale(0) : grams.stripTrailingZeros();
    }

    /** The UCUM code when the system is UCUM (or absent), else the unit text; lower case. */
    private static String unitOf(Quantity q) {
        String u = null;
        if (q.hasCode() && (!q.hasSystem() || FhirCodes.UCUM.equals(q.getSystem()))) {
            u = q.getCode();
        } else if (q.hasUnit()) {
            u = q.getUnit();
        } else if (q.hasCode()) {
            u = q.getCode();
        }
        return u == null || u.isBlank() ? null : u.trim().toLowerCase(Locale.ROOT);
    }

    /** A unit or code as sent, cut to 20 characters: short enough never to carry patient text. */
    private static String shown(String unit) {
        return unit.length() <= 20 ? unit : unit.substring(0, 20) + "...";
    }

    /** The unit as sent (the UCUM code, else the unit text), for messages. */
    private static String sentUnit(Quantity q) {
        String u = q.hasCode() && (!q.hasSystem() || FhirCodes.UCUM.equals(q.getSystem())) ? q.getCode()
                : q.hasUnit() ? q.getUnit() : q.getCode();
        return shown(u == null ? "" : u.trim());
    }

    /** Whole days from a duration in d, wk or mo (30 days); a fraction of a day is dropped (more grams a day). */
    private Integer days(Quantity q, String res, String path) {
        if (q.getValueElement() != null && q.getValueElement().getValueAsString() != null && !q.hasValue()) {
            errors.add(new Violation(res, path + ".value is not a number"));
            return null;
        }
        if (!q.hasValue()) {
            return null;
        }
        String unit = unitOf(q);
        if (unit == null) {
            errors.add(new Violation(res, path + " has no unit, so it cannot be read as days"));
            return null;
        }
        int factor;
        switch (unit) {
            case "d", "day", "days" -> factor = 1;
            case "wk", "week", "weeks" -> factor = 7;
            case "mo", "month", "months" -> factor = 30;
            default -> {
                errors.add(new Violation(res, path + ".unit '" + sentUnit(q) + "' is not a unit of days, weeks or"
                        + " months"));
                return null;
            }
        }
        BigDecimal days = q.getValue().multiply(BigDecimal.valueOf(factor)).setScale(0, RoundingMode.FLOOR);
        if (days.signum() <= 0) {
            errors.add(new Violation(res, path + ".value must be at least one day"));
            return null;
        }
        if (days.compareTo(BigDecimal.valueOf(36_500)) > 0) {
            errors.add(new Violation(res, path + ".value is more than 100 years"));
            return null;
        }
        return days.intValueExact();
    }

    /**
     * Applications a day from timing.repeat (frequency per period periodUnit) or timing.code (BID, TID, ...). A rate
     * that is not whole is rounded away from 2, so that "more than 2" and "fewer than 2" stay true.
     */
    private Integer applicationsPerDay(Dosage d, String res, String path) {
        if (!d.hasTiming()) {
            return null;
        }
        Timing t = d.getTiming();
        if (t.hasRepeat() && t.getRepeat().hasFrequency()) {
            Timing.TimingRepeatComponent r = t.getRepeat();
            BigDecimal period = r.hasPeriod() ? r.getPeriod() : BigDecimal.ONE;
            String unit = code(r.getPeriodUnitElement());
            if (unit == null) {
                unit = "d";
            }
            BigDecimal perUnitDays;
            switch (unit) {
                case "h" -> perUnitDays = BigDecimal.ONE.divide(BigDecimal.valueOf(24), 10, RoundingMode.HALF_EVEN);
                case "d" -> perUnitDays = BigDecimal.ONE;
                case "wk" -> perUnitDays = BigDecimal.valueOf(7);
                case "mo" -> perUnitDays = BigDecimal.valueOf(30);
                case "a" -> perUnitDays = BigDecimal.valueOf(365);
                default -> {
                    errors.add(new Violation(res, path + ".repeat.periodUnit '" + shown(unit)
                            + "' cannot be read as a time span"));
                    return null;
                }
            }
            if (period.signum() <= 0 || r.getFrequency() <= 0) {
                errors.add(new Violation(res, path + ".repeat frequency and period must be greater than 0"));
                return null;
            }
            BigDecimal perDay = BigDecimal.valueOf(r.getFrequency())
                    .divide(period.multiply(perUnitDays), 6, RoundingMode.HALF_EVEN);
            BigDecimal two = BigDecimal.valueOf(2);
            int cmp = perDay.compareTo(two);
            if (cmp == 0) {
                return 2;
            }
            if (cmp > 0) {
                return perDay.setScale(0, RoundingMode.CEILING).min(BigDecimal.valueOf(1000)).intValue();
            }
            return 1;
        }
        if (t.hasCode()) {
            for (Coding c : t.getCode().getCoding()) {
                if (FhirCodes.V3_TIMING.equals(c.getSystem()) && c.getCode() != null) {
                    switch (c.getCode().toUpperCase(Locale.ROOT)) {
                        case "QD", "AM", "PM", "QOD" -> {
                            return 1;
                        }
                        case "BID" -> {
                            return 2;
                        }
                        case "TID" -> {
                            return 3;
                        }
                        case "QID" -> {
                            return 4;
                        }
                        default -> {
                            // Q4H and the like: no daily count stated here
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The extension on the order wins; else the latest final Observation with the project's code. */
    private BigDecimal bsa(MedicationRequest mr, String res) {
        List<Extension> exts = mr.getExtensionsByUrl(FhirCodes.TREATED_BSA_EXTENSION);
        if (!exts.isEmpty()) {
            Type v = exts.get(0).getValue();
            String path = "extension('" + FhirCodes.TREATED_BSA_EXTENSION + "').value";
            BigDecimal pct = null;
            if (v instanceof DecimalType dt) {
                if (dt.getValue() == null) {
                    errors.add(new Violation(res, path + " is not a number"));
                    return null;
                }
                pct = dt.getValue();
            } else if (v instanceof Quantity q && q.hasValue()) {
                String unit = unitOf(q);
                if (unit != null && !unit.equals("%")) {
                    errors.add(new Violation(res, path + ".unit '" + sentUnit(q) + "' is not percent"));
                    return null;
                }
                pct = q.getValue();
            } else if (v instanceof org.hl7.fhir.r4.model.IntegerType it && it.getValue() != null) {
                pct = BigDecimal.valueOf(it.getValue());
            } else {
                errors.add(new Violation(res, path + " must be a valueDecimal (percent)"));
                return null;
            }
            return percent(pct, res, path);
        }
        Observation latest = latest(FhirCodes.RUXO_CODE_SYSTEM, FhirCodes.TREATED_BSA_CODE);
        if (latest == null) {
            return null;
        }
        String obs = name(latest);
        if (latest.getValue() instanceof Quantity q && q.hasValue()) {
            String unit = unitOf(q);
            if (unit != null && !unit.equals("%")) {
                errors.add(new Violation(obs, "valueQuantity.unit '" + sentUnit(q) + "' is not percent"));
                return null;
            }
            used.add(latest);
            return percent(q.getValue(), obs, "valueQuantity.value");
        }
        errors.add(new Violation(obs, "value must be a valueQuantity in percent"));
        return null;
    }

    private BigDecimal percent(BigDecimal pct, String res, String path) {
        if (pct.signum() <= 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(new Violation(res, path + " must be above 0 and at most 100 (percent)"));
            return null;
        }
        return pct;
    }

    /**
     * The earliest record of the cream (order, statement, dispense) in the current course: walking back from today,
     * records no more than the course gap apart. Null when there is no earlier record (the course starts now).
     */
    private LocalDate therapyStart() {
        List<LocalDate> dates = new ArrayList<>();
        for (MedicationRequest mr : all(MedicationRequest.class)) {
            if (!COURSE_REQUEST.contains(String.valueOf(code(mr.getStatusElement())))) {
                continue;
            }
            if (creamRecord(mr)) {
                LocalDate d = date(mr.getAuthoredOnElement(), name(mr), "authoredOn");
                if (d == null && mr.hasDispenseRequest() && mr.getDispenseRequest().hasValidityPeriod()) {
                    d = date(mr.getDispenseRequest().getValidityPeriod().getStartElement(), name(mr),
                            "dispenseRequest.validityPeriod.start");
                }
                if (d != null) {
                    dates.add(d);
                    used.add(mr);
                }
            }
        }
        for (MedicationStatement ms : all(MedicationStatement.class)) {
            if (!COURSE_STATEMENT.contains(String.valueOf(code(ms.getStatusElement())))) {
                continue;
            }
            if (creamRecord(ms)) {
                LocalDate d = start(ms.getEffective(), name(ms), "effective");
                if (d == null) {
                    d = date(ms.getDateAssertedElement(), name(ms), "dateAsserted");
                }
                if (d != null) {
                    dates.add(d);
                    used.add(ms);
                }
            }
        }
        for (MedicationDispense md : all(MedicationDispense.class)) {
            String status = code(md.getStatusElement());
            if ((status == null || USED_DISPENSE.contains(status))
                    && creamRecord(md)) {
                LocalDate d = date(md.getWhenHandedOverElement(), name(md), "whenHandedOver");
                if (d != null) {
                    dates.add(d);
                }
            }
        }
        dates.sort(Comparator.reverseOrder());
        LocalDate start = null;
        LocalDate previous = today;
        for (LocalDate d : dates) {
            if (d.isAfter(today)) {
                continue;
            }
            if (ChronoUnit.DAYS.between(d, previous) > config.courseGapDays()) {
                break;
            }
            start = d;
            previous = d;
        }
        return start;
    }

    // ---- dispenses ----

    private List<Dispense> dispenses() {
        List<Dispense> out = new ArrayList<>();
        for (MedicationDispense md : all(MedicationDispense.class)) {
            String status = code(md.getStatusElement());
            if (status != null && !USED_DISPENSE.contains(status)) {
                continue;
            }
            if (!creamRecord(md)) {
                continue;
            }
            Concept c = concept(md.getMedication(), md);
            String res = name(md);
            LocalDate date = date(md.getWhenHandedOverElement(), res, "whenHandedOver");
            if (date == null && !md.hasWhenHandedOver()) {
                date = date(md.getWhenPreparedElement(), res, "whenPrepared");
            }
            BigDecimal grams = md.hasQuantity() ? grams(md.getQuantity(), creamNdc(c), res, "quantity") : null;
            Integer days = md.hasDaysSupply() ? days(md.getDaysSupply(), res, "daysSupply") : null;
            if (date == null && !md.hasWhenHandedOver() && !md.hasWhenPrepared()) {
                notes.add(res + ": whenHandedOver is missing, so the dispense is not used for the refill check");
            } else if (days == null && !md.hasDaysSupply()) {
                notes.add(res + ": daysSupply is missing, so the dispense is not used for the refill check");
            } else if (date != null && days != null) {
                out.add(new Dispense(date, grams, days));
                used.add(md);
            }
        }
        out.sort(Comparator.comparing(Dispense::date));
        return out;
    }

    // ---- the patient ----

    private Patient patient() {
        List<org.hl7.fhir.r4.model.Patient> patients = all(org.hl7.fhir.r4.model.Patient.class);
        org.hl7.fhir.r4.model.Patient p = null;
        for (org.hl7.fhir.r4.model.Patient candidate : patients) {
            if (p == null || patientId != null && hasId(candidate)
                    && patientId.equals(candidate.getIdElement().getIdPart())) {
                p = candidate;
            }
        }
        Patient.Builder b = Patient.builder();
        if (p == null) {
            missing.add("Patient (the birth date is needed for every age limit)");
        } else {
            used.add(p);
            String res = name(p);
            LocalDate birth = date(p.getBirthDateElement(), res, "birthDate");
            if (birth == null && !p.hasBirthDate()) {
                missing.add(res + ": birthDate");
            }
            b.birthDate(birth);
            String gender = code(p.getGenderElement());
            if (gender != null) {
                b.sex(WireValue.parse(Sex.class, gender).orElse(null));
            }
        }
        b.conditions(conditions());
        observations(b);
        return b.build();
    }

    private List<dev.ruxo.rules.Coding> conditions() {
        Set<dev.ruxo.rules.Coding> out = new LinkedHashSet<>();
        for (Condition c : all(Condition.class)) {
            if (!active(c)) {
                continue;
            }
            boolean any = false;
            if (c.hasCode()) {
                for (Coding coding : c.getCode().getCoding()) {
                    if (coding.hasSystem() && coding.hasCode()) {
                        out.add(coding(coding));
                        any = true;
                    }
                }
            }
            if (any) {
                used.add(c);
            } else {
                notes.add(name(c) + ": code has no coding with a system and code, so the condition could not be"
                        + " screened");
            }
        }
        return new ArrayList<>(out);
    }

    /** Active unless the clinical status says otherwise or the verification status is refuted / entered-in-error. */
    static boolean active(Condition c) {
        if (c.hasVerificationStatus()) {
            for (Coding coding : c.getVerificationStatus().getCoding()) {
                if (EXCLUDED_VERIFICATION.contains(coding.getCode())) {
                    return false;
                }
            }
        }
        if (!c.hasClinicalStatus() || c.getClinicalStatus().getCoding().isEmpty()) {
            return true;
        }
        for (Coding coding : c.getClinicalStatus().getCoding()) {
            if (ACTIVE_CLINICAL.contains(coding.getCode())) {
                return true;
            }
        }
        return false;
    }

    private void observations(Patient.Builder b) {
        Observation pregnancy = latest(FhirCodes.LOINC, FhirCodes.PREGNANCY_STATUS);
        if (pregnancy != null) {
            String v = answer(pregnancy);
            if (v != null) {
                switch (v) {
                    case "77386006" -> b.pregnant(true);
                    case "60001007" -> b.pregnant(false);
                    case "261665006", "152231000119106" -> b.pregnant(null);
                    default -> unknownAnswer(pregnancy, v);
                }
                used.add(pregnancy);
            }
        }
        Observation breastfeeding = latest(FhirCodes.LOINC, FhirCodes.BREASTFEEDING_STATUS);
        if (breastfeeding != null) {
            String v = answer(breastfeeding);
            if (v != null) {
                switch (v) {
                    case "LA29252-6" -> b.breastfeeding(true);
                    case "LA29253-4" -> b.breastfeeding(false);
                    default -> unknownAnswer(breastfeeding, v);
                }
                used.add(breastfeeding);
            }
        }
        Observation smoking = latest(FhirCodes.LOINC, FhirCodes.SMOKING_STATUS);
        if (smoking != null) {
            String v = answer(smoking);
            if (v != null) {
                switch (v) {
                    case "449868002", "428041000124106", "428071000124103", "428061000124105", "77176002",
                         "LA18976-3", "LA18977-1", "LA18981-3", "LA18982-1", "LA18980-5" ->
                            b.smokingStatus(SmokingStatus.CURRENT);
                    case "8517006", "LA15920-4" -> b.smokingStatus(SmokingStatus.FORMER);
                    case "266919005", "LA18978-9" -> b.smokingStatus(SmokingStatus.NEVER);
                    case "266927001", "LA18979-7" -> b.smokingStatus(null);
                    default -> unknownAnswer(smoking, v);
                }
                used.add(smoking);
            }
        }
    }

    private void unknownAnswer(Observation o, String code) {
        errors.add(new Violation(name(o), "valueCodeableConcept code '" + shown(code) + "' is not a known answer to "
                + o.getCode().getCodingFirstRep().getCode()));
    }

    /** The code of the answer (SNOMED CT or LOINC answer); null, with an error, when the value is not coded. */
    private String answer(Observation o) {
        if (o.getValue() instanceof CodeableConcept cc) {
            for (Coding c : cc.getCoding()) {
                if (c.hasCode() && (CodeSystems.SNOMED_CT.equals(c.getSystem()) || FhirCodes.LOINC.equals(c.getSystem()))) {
                    return c.getCode();
                }
            }
            errors.add(new Violation(name(o), "valueCodeableConcept has no SNOMED CT or LOINC answer code"));
            return null;
        }
        if (o.hasValue()) {
            errors.add(new Violation(name(o), "value must be a valueCodeableConcept"));
        }
        return null;
    }

    /** The latest final (or amended, corrected) Observation with the code, by effective time, else issued. */
    private Observation latest(String system, String code) {
        Observation best = null;
        LocalDate bestDate = null;
        for (Observation o : all(Observation.class)) {
            if (!FINAL_OBSERVATION.contains(String.valueOf(code(o.getStatusElement())))) {
                continue;
            }
            boolean match = false;
            for (Coding c : o.getCode().getCoding()) {
                match |= system.equals(c.getSystem()) && code.equals(c.getCode());
            }
            if (!match) {
                continue;
            }
            LocalDate d = start(o.getEffective(), name(o), "effective");
            if (d == null && o.hasIssued()) {
                d = date(o.getIssuedElement(), name(o), "issued");
            }
            if (best == null || d != null && (bestDate == null || d.isAfter(bestDate))) {
                best = o;
                bestDate = d;
            }
        }
        return best;
    }

    // ---- dates ----

    private LocalDate start(Type effective, String res, String path) {
        if (effective instanceof DateTimeType dt) {
            return date(dt, res, path + "DateTime");
        }
        if (effective instanceof Period p) {
            return p.hasStart() ? date(p.getStartElement(), res, path + "Period.start")
                    : date(p.getEndElement(), res, path + "Period.end");
        }
        if (effective instanceof org.hl7.fhir.r4.model.InstantType it) {
            return date(it, res, path + "Instant");
        }
        return null;
    }

    /** The calendar date as written (first day of a partial date); null with an error when it is not a date. */
    private LocalDate date(BaseDateTimeType dt, String res, String path) {
        if (dt == null || dt.getValueAsString() == null) {
            return null;
        }
        String s = dt.getValueAsString();
        // HAPI keeps a value it could not parse as text, with no Date behind it
        if (dt.getValue() == null || s.length() < 4) {
            errors.add(new Violation(res, path + " is not a valid date"));
            return null;
        }
        try {
            // FHIR writes the local date first (YYYY, YYYY-MM, YYYY-MM-DD, then any time): read it as written
            int year = Integer.parseInt(s.substring(0, 4));
            int month = s.length() >= 7 ? Integer.parseInt(s.substring(5, 7)) : 1;
            int day = s.length() >= 10 ? Integer.parseInt(s.substring(8, 10)) : 1;
            return LocalDate.of(year, month, day);
        } catch (RuntimeException e) {
            errors.add(new Violation(res, path + " is not a valid date"));
            return null;
        }
    }
}
