package dev.ruxo.rules.cli;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckFailedException;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.Violation;
import dev.ruxo.rules.fhir.CdsCard;
import dev.ruxo.rules.fhir.CdsCards;
import dev.ruxo.rules.fhir.CdsHooksReader;
import dev.ruxo.rules.fhir.CdsHooksRequest;
import dev.ruxo.rules.fhir.FhirCheckMapper;
import dev.ruxo.rules.fhir.FhirMapping;
import java.io.InputStream;
import java.util.List;

/**
 * {@code check --input cds-hooks}: reads a CDS Hooks order-select or order-sign request with its prefetch inline (the
 * tool fetches nothing), maps it from FHIR, checks it and makes the cards.
 */
final class CdsHooksInput {

    /** What became of one CDS Hooks file: the outcome for the exit status, and the cards when there are any. */
    record Result(Outcome outcome, List<CdsCard> cards) {
    }

    private final CdsHooksReader reader = CdsHooksReader.create();
    private final FhirCheckMapper mapper = FhirCheckMapper.create();
    private final CdsCards cards = CdsCards.create();

    /**
     * @param in     the file's content; not closed
     * @param engine the engine
     * @return the result
     */
    Result assess(InputStream in, CheckEngine engine) {
        CdsHooksRequest request;
        FhirMapping mapping;
        try {
            request = reader.read(in);
            mapping = mapper.map(request);
        } catch (InvalidRequestException e) {
            return new Result(new Outcome.Invalid(e), null);
        } catch (java.io.UncheckedIOException e) {
            return new Result(new Outcome.Invalid(new InvalidRequestException(List.of(
                    new Violation("$", "cannot read the input file: " + Engines.describe(e.getCause()))))), null);
        } catch (RuntimeException e) {
            return new Result(new Outcome.Failed("unexpected failure mapping FHIR: " + Engines.describe(e)), null);
        }
        switch (mapping.status()) {
            case NOTHING_TO_CHECK:
                return new Result(new Outcome.NothingToCheck(), cards.cards(mapping, request.hookInstance()));
            case INCOMPLETE:
                List<Violation> missing = mapping.missing().stream()
                        .map(m -> new Violation("$", "the check cannot run without " + m))
                        .toList();
                return new Result(new Outcome.Invalid(new InvalidRequestException(missing)),
                        cards.cards(mapping, request.hookInstance()));
            default:
                break;
        }
        try {
            Assessment assessment = engine.check(mapping.request());
            if (assessment == null) {
                return new Result(new Outcome.Failed("the engine returned no assessment"), null);
            }
            return new Result(new Outcome.Assessed(assessment),
                    cards.cards(mapping, assessment, request.hookInstance()));
        } catch (InvalidRequestException e) {
            return new Result(new Outcome.Invalid(e), null);
        } catch (CheckFailedException e) {
            return new Result(new Outcome.Failed(Engines.describe(e)), null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(new Outcome.Failed("unexpected failure in the engine: " + Engines.describe(e)), null);
        }
    }
}
