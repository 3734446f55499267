package dev.ruxo.rules.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.Violation;
import dev.ruxo.rules.fhir.CdsCard;
import dev.ruxo.rules.fhir.CdsCards;
import dev.ruxo.rules.fhir.CdsHooksPrefetch;
import dev.ruxo.rules.fhir.CdsHooksReader;
import dev.ruxo.rules.fhir.CdsHooksRequest;
import dev.ruxo.rules.fhir.FhirCheckMapper;
import dev.ruxo.rules.fhir.FhirCodes;
import dev.ruxo.rules.fhir.FhirMapping;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hook call from the request JSON to cards, on the FHIR module: {@link CdsHooksReader} parses,
 * {@link CdsHooksPrefetch} says what is missing, {@link FhirCheckMapper} maps, the engine checks, {@link CdsCards}
 * renders. What the service adds: order-select hides the findings it is configured to hide, and a check that could
 * not run answers a card saying so rather than nothing. Thread safe.
 */
final class HookEvaluator {

    static final String NOT_CHECKED = "NOT-CHECKED";
    private static final Logger LOG = LoggerFactory.getLogger(HookEvaluator.class);

    private final CheckEngine engine;
    private final CdsHooksReader reader = CdsHooksReader.create();
    private final FhirCheckMapper mapper = FhirCheckMapper.create();
    private final CdsCards cards = CdsCards.create();

    HookEvaluator(CheckEngine engine) {
        this.engine = engine;
    }

    /**
     * Loads HAPI FHIR's R4 context and the mapping classes by reading and mapping the shipped example once; it
     * takes about as long as building the engine, so the service does both at once.
     */
    static void loadFhir() {
        try (java.io.InputStream in = HookEvaluator.class.getResourceAsStream(
                "/dev/ruxo/rules/cdshooks/examples/order-sign-complete.json")) {
            if (in == null) {
                throw new IllegalStateException("the shipped example order-sign-complete.json is missing");
            }
            FhirCheckMapper.create().map(CdsHooksReader.create().read(in));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return the prefetch templates both services declare, by key */
    Map<String, String> prefetchTemplates() {
        return CdsHooksPrefetch.templates();
    }

    /**
     * Parses a hook request. A prefetch value that is an OperationOutcome (the EHR's way of saying its prefetch
     * failed) is dropped first, so that the key counts as not prefetched.
     *
     * @param request the request JSON; changed in place
     * @return the request
     * @throws BadRequest listing every problem, field by field
     */
    CdsHooksRequest parse(ObjectNode request) throws BadRequest {
        JsonNode prefetch = request.get("prefetch");
        if (prefetch instanceof ObjectNode keys) {
            for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); ) {
                if ("OperationOutcome".equals(it.next().getValue().path("resourceType").asText())) {
                    it.remove();
                }
            }
        }
        try {
            return reader.read(request);
        } catch (InvalidRequestException e) {
            throw new BadRequest(violations(e));
        }
    }

    /**
     * The declared prefetch keys the request lacks.
     *
     * @param request the parsed request
     * @return key to template, for the keys to fetch
     */
    Map<String, String> missing(CdsHooksRequest request) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String key : CdsHooksPrefetch.missing(request)) {
            out.put(key, CdsHooksPrefetch.templates().get(key));
        }
        return out;
    }

    /**
     * Maps, checks and renders one complete request.
     *
     * @param request     the request with its prefetch complete
     * @param hiddenRules the rules whose findings are left out
     * @return the cards and what the feedback database and the access log keep of them
     */
    Evaluation evaluate(CdsHooksRequest request, Set<String> hiddenRules) {
        String instance = request.hookInstance();
        FhirMapping mapping;
        try {
            mapping = mapper.map(request);
        } catch (InvalidRequestException e) {
            return notChecked(instance, CdsCard.Indicator.WARNING,
                    "Ruxolitinib cream order not checked: the order data could not be read",
                    "The order for ruxolitinib cream was **not checked**: these FHIR values cannot be used\n\n"
                            + bullets(violations(e)), "not-checked: unmappable");
        }
        if (mapping.status() != FhirMapping.Status.CHECKABLE) {
            return evaluation(cards.cards(mapping, instance),
                    mapping.status() == FhirMapping.Status.NOTHING_TO_CHECK ? "no-cream-order" : "not-checked: missing");
        }
        Assessment assessment;
        try {
            assessment = engine.check(mapping.request());
        } catch (InvalidRequestException e) {
            return notChecked(instance, CdsCard.Indicator.WARNING,
                    "Ruxolitinib cream order not checked: the order data is out of range",
                    "The order for ruxolitinib cream was **not checked**: the data mapped from FHIR is invalid\n\n"
                            + bullets(violations(e)), "not-checked: invalid");
        } catch (RuntimeException e) { // CheckFailedException, or any other failure inside: fail closed
            LOG.error("the check failed ({}); answering a not-checked card", e.getClass().getName());
            return notChecked(instance, CdsCard.Indicator.CRITICAL,
                    "Ruxolitinib cream order not checked: the check failed",
                    "The check of this order **failed inside the service**, so nothing was checked. Do not read the"
                            + " absence of other cards as a pass; review the order against the label.",
                    "not-checked: failed");
        }
        if (!hiddenRules.isEmpty() && assessment.findings().stream().anyMatch(f -> hiddenRules.contains(f.ruleId()))) {
            List<Finding> shown = assessment.findings().stream().filter(f -> !hiddenRules.contains(f.ruleId())).toList();
            assessment = Assessment.of(shown, assessment.knowledgeBase());
        }
        return evaluation(cards.cards(mapping, assessment, instance), "checked " + assessment.decision().wireValue());
    }

    private Evaluation notChecked(String instance, CdsCard.Indicator indicator, String summary, String detail,
                                  String outcome) {
        CdsCard card = new CdsCard(CdsCards.cardUuid(instance, NOT_CHECKED), summary, detail, indicator,
                new CdsCard.Source("ruxo-rules", null,
                        new CdsCard.CdsCoding(FhirCodes.RUXO_CODE_SYSTEM, NOT_CHECKED, "ruxo-rules service")),
                List.of(), null, List.of(), List.of());
        return evaluation(List.of(card), outcome);
    }

    private Evaluation evaluation(List<CdsCard> list, String outcome) {
        List<CardRecord> records = new ArrayList<>();
        for (CdsCard card : list) {
            if (card.uuid() != null) {
                String rule = card.source().topic() != null ? card.source().topic().code() : "(no rule)";
                records.add(new CardRecord(card.uuid(), rule, card.indicator().json()));
            }
        }
        return new Evaluation(cards.toJson(list), records, outcome);
    }

    private static List<String> violations(InvalidRequestException e) {
        List<String> out = new ArrayList<>();
        for (Violation v : e.violations()) {
            out.add(v.field() + ": " + v.message());
        }
        return out;
    }

    private static String bullets(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            b.append("- ").append(line.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1")).append('\n');
        }
        return b.toString();
    }

    /**
     * The answer to one hook call.
     *
     * @param cards   the CDS Hooks cards
     * @param shown   per card: uuid, rule and indicator, for the feedback database
     * @param outcome for the access log, such as {@code checked STOP} or {@code no-cream-order}
     */
    record Evaluation(ArrayNode cards, List<CardRecord> shown, String outcome) {
    }

    /**
     * A card as the feedback database keeps it.
     *
     * @param uuid      the card uuid
     * @param ruleId    the rule of its finding, or the service's code for a card of its own
     * @param indicator its indicator
     */
    record CardRecord(String uuid, String ruleId, String indicator) {
    }

    /** The request is not a CDS Hooks order-select or order-sign request; the problems say why, field by field. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        BadRequest(List<String> problems) {
            super(String.join("; ", problems), null, false, false);
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
