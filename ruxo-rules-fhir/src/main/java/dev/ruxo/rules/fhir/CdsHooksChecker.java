package dev.ruxo.rules.fhir;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckFailedException;
import dev.ruxo.rules.InvalidRequestException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Map, check, cards: one CDS Hooks call from start to end. Thread safe when the engine is (the built-in one is).
 *
 * <pre>{@code
 * CdsHooksChecker checker = CdsHooksChecker.create(RuxoRules.newEngine());
 * CdsHooksChecker.Result result = checker.check(CdsHooksReader.create().read(body));
 * String response = CdsCards.create().writeResponse(result.cards());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CdsHooksChecker {

    private final CheckEngine engine;
    private final FhirCheckMapper mapper;
    private final CdsCards cards;

    private CdsHooksChecker(CheckEngine engine, FhirCheckMapper mapper, CdsCards cards) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.cards = Objects.requireNonNull(cards, "cards");
    }

    /**
     * A checker with the default mapper and cards.
     *
     * @param engine the engine
     * @return the checker
     */
    public static CdsHooksChecker create(CheckEngine engine) {
        return new CdsHooksChecker(engine, FhirCheckMapper.create(), CdsCards.create());
    }

    /**
     * A checker with your mapper and cards.
     *
     * @param engine the engine
     * @param mapper the mapper
     * @param cards  the cards
     * @return the checker
     */
    public static CdsHooksChecker create(CheckEngine engine, FhirCheckMapper mapper, CdsCards cards) {
        return new CdsHooksChecker(engine, mapper, cards);
    }

    /**
     * Maps, checks when there is something to check, and makes the cards.
     *
     * @param request the request
     * @return the mapping, the assessment (when checked) and the cards
     * @throws InvalidRequestException when a FHIR value cannot be mapped, or the mapped request is invalid
     * @throws CheckFailedException    when the engine fails: the order is then unchecked
     */
    public Result check(CdsHooksRequest request) {
        FhirMapping mapping = mapper.map(request);
        if (mapping.status() != FhirMapping.Status.CHECKABLE) {
            return new Result(mapping, null, cards.cards(mapping, request.hookInstance()));
        }
        Assessment assessment = engine.check(mapping.request());
        return new Result(mapping, assessment, cards.cards(mapping, assessment, request.hookInstance()));
    }

    /**
     * The outcome of one call.
     *
     * @param mapping    what the FHIR input became
     * @param assessment the assessment; null unless the mapping was checkable
     * @param cards      the cards to return
     */
    public record Result(FhirMapping mapping, Assessment assessment, List<CdsCard> cards) {
        /**
         * Copies the cards.
         *
         * @param mapping    what the FHIR input became
         * @param assessment the assessment; null unless the mapping was checkable
         * @param cards      the cards to return
         */
        public Result {
            Objects.requireNonNull(mapping, "mapping");
            cards = List.copyOf(cards);
        }

        /** @return the assessment, empty when nothing was checked */
        public Optional<Assessment> checked() {
            return Optional.ofNullable(assessment);
        }
    }
}
