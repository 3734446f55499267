package dev.ruxo.rules.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Category;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.Source;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Turns an assessment into CDS Hooks 2.0 cards, one per finding, and writes cards as CDS Hooks JSON. Thread safe.
 *
 * <pre>{@code
 * List<CdsCard> cards = CdsCards.create().cards(mapping, assessment, request.hookInstance());
 * String body = CdsCards.create().writeResponse(cards);   // {"cards":[...]}
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CdsCards {

    /** The CDS Hooks 3.0 ballot's code system of reasons for not following a recommendation. */
    public static final String NON_ADHERENCE_REASONS = "http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes";

    /** The label's ceiling read together: one 60 g tube per 7 days of supply. */
    public static final BigDecimal DEFAULT_CEILING_GRAMS = BigDecimal.valueOf(60);
    /** The days of supply of {@link #DEFAULT_CEILING_GRAMS}. */
    public static final int DEFAULT_CEILING_DAYS = 7;

    private static final List<CdsCard.CdsCoding> OVERRIDE_REASONS = List.of(
            new CdsCard.CdsCoding(NON_ADHERENCE_REASONS, "cds-not-applicable", "PC CDS does not apply to patient"),
            new CdsCard.CdsCoding(NON_ADHERENCE_REASONS, "recipient-disagrees-evidence",
                    "Recipient disagrees with recommendation because of issues with the evidence"),
            new CdsCard.CdsCoding(NON_ADHERENCE_REASONS, "recipient-concerns-outcomes",
                    "Recipient has concerns regarding potential health outcomes"),
            new CdsCard.CdsCoding(NON_ADHERENCE_REASONS, "does-not-align-preferences",
                    "Recommendation does not align with patient preferences or values"),
            new CdsCard.CdsCoding(NON_ADHERENCE_REASONS, "cds-suboptimal-context",
                    "PC CDS delivered in suboptimal context"));

    private static final String QUANTITY_RULE = "RUXO-DOSE-QTY-WEEKLY";
    private static final String PEDIATRIC_CEILING_RULE = "RUXO-DOSE-QTY-PED-CEILING";
    private static final String ROUTE_RULE = "RUXO-DOSE-ROUTE";
    private static final String SERVICE_LABEL = "ruxo-rules";

    private final ObjectMapper json = new ObjectMapper();
    private final BigDecimal ceilingGrams;
    private final int ceilingDays;

    private CdsCards(BigDecimal ceilingGrams, int ceilingDays) {
        this.ceilingGrams = ceilingGrams;
        this.ceilingDays = ceilingDays;
    }

    /**
     * Cards whose quantity suggestion is the label's ceiling, 60 g per 7 days.
     *
     * @return a new instance
     */
    public static CdsCards create() {
        return new CdsCards(DEFAULT_CEILING_GRAMS, DEFAULT_CEILING_DAYS);
    }

    /**
     * Cards whose quantity suggestion is another ceiling, for a knowledge base with other parameters.
     *
     * @param grams grams, &gt; 0
     * @param days  days of supply, &gt; 0
     * @return a new instance
     */
    public static CdsCards withQuantityCeiling(BigDecimal grams, int days) {
        if (grams.signum() <= 0 || days <= 0) {
            throw new IllegalArgumentException("the ceiling needs grams and days above 0");
        }
        return new CdsCards(grams, days);
    }

    /**
     * The override reasons offered on every overridable card.
     *
     * @return the Codings
     */
    public static List<CdsCard.CdsCoding> overrideReasons() {
        return OVERRIDE_REASONS;
    }

    /**
     * The card uuid for a rule in a hook call: a name-based UUID of the hook instance and the rule id, so that the
     * same call and rule always give the same uuid. The n-th further finding of the same rule in one assessment adds
     * {@code #n}.
     *
     * @param hookInstance the hook instance; nullable
     * @param ruleId       the rule id, or a rule id with {@code #n}
     * @return the uuid
     */
    public static String cardUuid(String hookInstance, String ruleId) {
        String name = (hookInstance == null ? "" : hookInstance) + "|" + ruleId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The cards for a mapping that was checked: one per finding, in the assessment's order, then an info card when some
     * FHIR data could not be used.
     *
     * @param mapping      the mapping the request came from
     * @param assessment   its assessment
     * @param hookInstance the hook instance; nullable
     * @return the cards
     */
    public List<CdsCard> cards(FhirMapping mapping, Assessment assessment, String hookInstance) {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(assessment, "assessment");
        List<CdsCard> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : assessment.findings()) {
            int n = seen.merge(f.ruleId(), 1, Integer::sum);
            String key = n == 1 ? f.ruleId() : f.ruleId() + "#" + n;
            out.add(card(f, mapping, cardUuid(hookInstance, key)));
        }
        notesCard(mapping, hookInstance).ifPresent(out::add);
        return out;
    }

    /**
     * The cards for a mapping that was not checked: none when there is nothing to check, and one warning card naming
     * what is missing when the check could not run (silence would read as a pass).
     *
     * @param mapping      the mapping
     * @param hookInstance the hook instance; nullable
     * @return the cards
     */
    public List<CdsCard> cards(FhirMapping mapping, String hookInstance) {
        Objects.requireNonNull(mapping, "mapping");
        List<CdsCard> out = new ArrayList<>();
        if (mapping.status() == FhirMapping.Status.INCOMPLETE) {
            StringBuilder detail = new StringBuilder(
                    "The order for ruxolitinib cream was **not checked**: the check cannot run without\n\n");
            mapping.missing().forEach(m -> detail.append("- ").append(markdown(m)).append('\n'));
            out.add(new CdsCard(cardUuid(hookInstance, "NOT-CHECKED"),
                    "Ruxolitinib cream order not checked: required data is missing", detail.toString(),
                    CdsCard.Indicator.WARNING, serviceSource("NOT-CHECKED"), List.of(), null, List.of(), List.of()));
            notesCard(mapping, hookInstance).ifPresent(out::add);
        } else if (mapping.status() == FhirMapping.Status.CHECKABLE) {
            throw new IllegalArgumentException("a checkable mapping gets its cards from its assessment");
        }
        return out;
    }

    private Optional<CdsCard> notesCard(FhirMapping mapping, String hookInstance) {
        if (mapping.notes().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder detail = new StringBuilder("These records were present but could not be used by the check:\n\n");
        mapping.notes().forEach(m -> detail.append("- ").append(markdown(m)).append('\n'));
        return Optional.of(new CdsCard(cardUuid(hookInstance, "FHIR-NOTES"),
                mapping.notes().size() + " FHIR record(s) could not be used by the ruxolitinib cream check",
                detail.toString(), CdsCard.Indicator.INFO, serviceSource("FHIR-NOTES"), List.of(), null, List.of(),
                List.of()));
    }

    private static CdsCard.Source serviceSource(String code) {
        return new CdsCard.Source(SERVICE_LABEL, null,
                new CdsCard.CdsCoding(FhirCodes.RUXO_CODE_SYSTEM, code, "ruxo-rules mapping"));
    }

    private CdsCard card(Finding f, FhirMapping mapping, String uuid) {
        Source s = f.source();
        String label = s.label() + ", section " + s.section();
        CdsCard.Source source = new CdsCard.Source(label, s.url(),
                new CdsCard.CdsCoding(FhirCodes.RUXO_CODE_SYSTEM, f.ruleId(),
                        f.category().wireValue().toLowerCase(Locale.ROOT)));
        List<CdsCard.Suggestion> suggestions = suggestions(f, mapping, uuid);
        return new CdsCard(uuid, summary(f.summary()), detail(f), indicator(f.severity()), source, suggestions,
                suggestions.isEmpty() ? null : "at-most-one", f.overridable() ? OVERRIDE_REASONS : List.of(),
                List.of());
    }

    private static String summary(String text) {
        return text.length() <= CdsCard.MAX_SUMMARY_LENGTH ? text
                : text.substring(0, CdsCard.MAX_SUMMARY_LENGTH - 1).stripTrailing() + "\u2026";
    }

    private static String detail(Finding f) {
        StringBuilder b = new StringBuilder();
        if (f.detail() != null) {
            b.append(markdown(f.detail())).append("\n\n");
        }
        Source s = f.source();
        b.append("**Source:** ").append(markdown(s.label())).append(", section ").append(markdown(s.section()))
                .append(", revision ").append(markdown(s.revision()));
        if (!s.verified()) {
            b.append(" (rests on a fact not yet verified against the primary label)");
        }
        b.append("  \n**Rule:** `").append(f.ruleId()).append("` (")
                .append(f.category().wireValue().toLowerCase(Locale.ROOT)).append(", ")
                .append(f.severity().wireValue().toLowerCase(Locale.ROOT)).append(')');
        return b.toString();
    }

    static String markdown(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>#|".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static CdsCard.Indicator indicator(Severity s) {
        return switch (s) {
            case INFO -> CdsCard.Indicator.INFO;
            case WARNING -> CdsCard.Indicator.WARNING;
            case CRITICAL -> CdsCard.Indicator.CRITICAL;
        };
    }

    private List<CdsCard.Suggestion> suggestions(Finding f, FhirMapping mapping, String uuid) {
        List<CdsCard.Suggestion> out = new ArrayList<>();
        Optional<FhirMapping.DraftOrder> cream = mapping.creamOrder();
        if (cream.isPresent() && (f.ruleId().equals(QUANTITY_RULE) || f.ruleId().equals(PEDIATRIC_CEILING_RULE))) {
            MedicationRequest updated = cream.get().resource().copy();
            MedicationRequest.MedicationRequestDispenseRequestComponent dr = updated.getDispenseRequest();
            dr.setQuantity(new Quantity().setValue(ceilingGrams).setUnit("g").setSystem(FhirCodes.UCUM).setCode("g"));
            Duration supply = new Duration();
            supply.setValue(ceilingDays).setUnit("days").setSystem(FhirCodes.UCUM).setCode("d");
            dr.setExpectedSupplyDuration(supply);
            patched(cream.get().resource(), updated, source -> {
                ObjectNode request = source.withObjectProperty("dispenseRequest");
                request.putObject("quantity").put("value", ceilingGrams).put("unit", "g")
                        .put("system", FhirCodes.UCUM).put("code", "g");
                request.putObject("expectedSupplyDuration").put("value", ceilingDays).put("unit", "days")
                        .put("system", FhirCodes.UCUM).put("code", "d");
            });
            String text = "Change the quantity to " + ceilingGrams.toPlainString() + " g for " + ceilingDays + " days";
            out.add(new CdsCard.Suggestion(text, cardUuid(uuid, "update-quantity"), true,
                    List.of(new CdsCard.Action(CdsCard.ActionType.UPDATE, text, updated, cream.get().reference()))));
        }
        if (cream.isPresent() && f.ruleId().equals(ROUTE_RULE)) {
            MedicationRequest updated = cream.get().resource().copy();
            if (updated.getDosageInstruction().isEmpty()) {
                updated.addDosageInstruction();
            }
            CodeableConcept topical = new CodeableConcept().addCoding(
                    new Coding("http://snomed.info/sct", "6064005", "Topical route")).setText("topical");
            updated.getDosageInstruction().forEach(d -> d.setRoute(topical));
            patched(cream.get().resource(), updated, source -> {
                ArrayNode dosages = source.path("dosageInstruction").isArray()
                        && !source.path("dosageInstruction").isEmpty()
                        ? (ArrayNode) source.get("dosageInstruction") : source.putArray("dosageInstruction");
                if (dosages.isEmpty()) {
                    dosages.addObject();
                }
                for (com.fasterxml.jackson.databind.JsonNode d : dosages) {
                    if (d instanceof ObjectNode o) {
                        ObjectNode route = o.putObject("route");
                        route.putArray("coding").addObject().put("system", "http://snomed.info/sct")
                                .put("code", "6064005").put("display", "Topical route");
                        route.put("text", "topical");
                    }
                }
            });
            String text = "Change the route to topical";
            out.add(new CdsCard.Suggestion(text, cardUuid(uuid, "update-route"), true,
                    List.of(new CdsCard.Action(CdsCard.ActionType.UPDATE, text, updated, cream.get().reference()))));
        }
        if (f.category() == Category.INTERACTION) {
            for (FhirMapping.DraftOrder d : mapping.draftOrders()) {
                if (!d.cream() && d.medication() != null && names(f.summary(), d.medication())) {
                    String text = "Remove the draft order for " + shortName(d.medication());
                    out.add(new CdsCard.Suggestion(text, cardUuid(uuid, "delete-" + d.reference()), false,
                            List.of(new CdsCard.Action(CdsCard.ActionType.DELETE, text, null, d.reference()))));
                }
            }
        }
        return out;
    }

    /**
     * When the draft was read from JSON, keeps on the updated copy that JSON with the same change applied, so that
     * writing the card patches JSON instead of encoding the resource with HAPI (about 30 µs a resource).
     */
    private static void patched(MedicationRequest draft, MedicationRequest updated,
                                java.util.function.Consumer<ObjectNode> change) {
        if (draft.getUserData(Fhir.SOURCE_JSON) instanceof ObjectNode source) {
            ObjectNode copy = source.deepCopy();
            change.accept(copy);
            updated.setUserData(Fhir.SOURCE_JSON, copy);
        } else {
            updated.setUserData(Fhir.SOURCE_JSON, null);
        }
    }

    private static boolean names(String summary, Medication m) {
        String s = summary.toLowerCase(Locale.ROOT);
        if (m.display() != null && !m.display().isBlank() && s.contains(m.display().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return m.display() == null && m.code() != null && s.contains(m.code().toLowerCase(Locale.ROOT));
    }

    private static String shortName(Medication m) {
        String name = m.display() != null ? m.display() : m.code();
        return name.length() <= 60 ? name : name.substring(0, 59) + "\u2026";
    }

    /**
     * One card as CDS Hooks JSON.
     *
     * @param card the card
     * @return the JSON object
     */
    public ObjectNode toJson(CdsCard card) {
        ObjectNode o = json.createObjectNode();
        if (card.uuid() != null) {
            o.put("uuid", card.uuid());
        }
        o.put("summary", card.summary());
        if (card.detail() != null) {
            o.put("detail", card.detail());
        }
        o.put("indicator", card.indicator().json());
        ObjectNode source = o.putObject("source");
        source.put("label", card.source().label());
        if (card.source().url() != null) {
            source.put("url", card.source().url());
        }
        if (card.source().topic() != null) {
            source.set("topic", coding(card.source().topic()));
        }
        if (!card.suggestions().isEmpty()) {
            ArrayNode suggestions = o.putArray("suggestions");
            for (CdsCard.Suggestion s : card.suggestions()) {
                ObjectNode so = suggestions.addObject();
                so.put("label", s.label());
                if (s.uuid() != null) {
                    so.put("uuid", s.uuid());
                }
                so.put("isRecommended", s.isRecommended());
                ArrayNode actions = so.putArray("actions");
                for (CdsCard.Action a : s.actions()) {
                    ObjectNode ao = actions.addObject();
                    ao.put("type", a.type().json());
                    ao.put("description", a.description());
                    if (a.resource() != null) {
                        ao.set("resource", resourceJson(a.resource()));
                    }
                    if (a.resourceId() != null) {
                        ao.put("resourceId", a.resourceId());
                    }
                }
            }
        }
        if (card.selectionBehavior() != null) {
            o.put("selectionBehavior", card.selectionBehavior());
        }
        if (!card.overrideReasons().isEmpty()) {
            ArrayNode reasons = o.putArray("overrideReasons");
            card.overrideReasons().forEach(c -> reasons.add(coding(c)));
        }
        if (!card.links().isEmpty()) {
            ArrayNode links = o.putArray("links");
            for (CdsCard.Link l : card.links()) {
                links.addObject().put("label", l.label()).put("url", l.url()).put("type", l.type());
            }
        }
        return o;
    }

    /**
     * Cards as a JSON array.
     *
     * @param cards the cards
     * @return the array
     */
    public ArrayNode toJson(List<CdsCard> cards) {
        ArrayNode a = json.createArrayNode();
        cards.forEach(c -> a.add(toJson(c)));
        return a;
    }

    /**
     * A CDS Hooks response body, {@code {"cards":[...]}}.
     *
     * @param cards the cards
     * @return the JSON object
     */
    public ObjectNode toResponseJson(List<CdsCard> cards) {
        ObjectNode o = json.createObjectNode();
        o.set("cards", toJson(cards));
        return o;
    }

    /**
     * A CDS Hooks response body as compact JSON text.
     *
     * @param cards the cards
     * @return the text
     */
    public String writeResponse(List<CdsCard> cards) {
        try {
            return json.writeValueAsString(toResponseJson(cards));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write cards as JSON", e);
        }
    }

    private ObjectNode coding(CdsCard.CdsCoding c) {
        ObjectNode o = json.createObjectNode();
        o.put("system", c.system());
        o.put("code", c.code());
        if (c.display() != null) {
            o.put("display", c.display());
        }
        return o;
    }

    private com.fasterxml.jackson.databind.JsonNode resourceJson(org.hl7.fhir.r4.model.Resource r) {
        if (r.getUserData(Fhir.SOURCE_JSON) instanceof ObjectNode patched) {
            return patched;
        }
        String text = Fhir.context().newJsonParser().encodeResourceToString(r);
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("HAPI FHIR wrote JSON that Jackson cannot read", e);
        }
    }
}
