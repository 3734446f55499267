package dev.ruxo.rules.cdshooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a complete hook request (prefetch filled) into cards: the FHIR mapping, the check and the card rendering. */
interface HookEvaluator {

    /** @return the prefetch templates the services declare, by key */
    Map<String, String> prefetchTemplates();

    /**
     * Evaluates one hook call.
     *
     * @param hook        {@code order-select} or {@code order-sign}
     * @param request     the hook request with every prefetch key present
     * @param hiddenRules the rules whose findings are left out of the cards
     * @return the cards and what the access log may say about them
     * @throws Unmappable when the request cannot be mapped; the messages name resources and paths, never values of
     *                    patient data beyond what the EHR itself sent
     */
    Evaluation evaluate(String hook, ObjectNode request, Set<String> hiddenRules) throws Unmappable;

    /**
     * The answer to one hook call.
     *
     * @param cards   the CDS Hooks cards
     * @param shown   per card: uuid, rule and indicator, for the feedback database
     * @param outcome for the access log: {@code checked}, {@code no-order} or {@code not-checked}
     */
    record Evaluation(ArrayNode cards, List<CardRecord> shown, String outcome) {
    }

    /**
     * A card as the feedback database keeps it.
     *
     * @param uuid      the card uuid
     * @param ruleId    the rule of its finding
     * @param indicator its indicator
     */
    record CardRecord(String uuid, String ruleId, String indicator) {
    }

    /** The request cannot be turned into a check request; the messages say why, field by field. */
    final class Unmappable extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        Unmappable(List<String> problems) {
            super(String.join("; ", problems), null, false, false);
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
