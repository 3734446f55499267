package dev.ruxo.rules.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** Random FHIR input never makes the mapper throw anything but the documented mapping error. */
class FhirMappingPropertyTest {

    private static final long SEED = Long.getLong("ruxo.qt.seed", 20261122L);

    private final FhirCheckMapper mapper = Fixtures.mapper();

    @Test
    void mapsOrRejectsWithTheMappingErrorAndACheckableRequestAlwaysChecks() {
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        qt().withFixedSeed(SEED).withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            RandomFhir.Input input = new RandomFhir(seed).next();
            FhirMapping m;
            try {
                m = mapper.map(input.drafts(), input.record());
            } catch (InvalidRequestException e) {
                assertThat(e.violations()).isNotEmpty();
                e.violations().forEach(v -> assertThat(v.field()).isNotBlank());
                outcomes.merge("error", 1, Integer::sum);
                return;
            }
            outcomes.merge(m.status().name(), 1, Integer::sum);
            assertThat(m.status() == FhirMapping.Status.CHECKABLE).isEqualTo(m.request() != null);
            if (m.status() == FhirMapping.Status.CHECKABLE) {
                Assessment a = Fixtures.engine().check(m.request());
                assertThat(CdsCards.create().cards(m, a, "hook-" + seed)).hasSizeGreaterThanOrEqualTo(a.findings().size());
            } else {
                assertThat(CdsCards.create().cards(m, "hook-" + seed)).isNotNull();
            }
        });
        // the generator reaches every outcome, so the property is not vacuous
        assertThat(outcomes).containsOnlyKeys("error", "CHECKABLE", "INCOMPLETE", "NOTHING_TO_CHECK");
        outcomes.values().forEach(n -> assertThat(n).isGreaterThanOrEqualTo(20));
        System.out.println("FhirMappingPropertyTest outcomes: " + outcomes);
    }

    @Test
    void theSameInputThroughJsonMapsTheSame() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            RandomFhir.Input input = new RandomFhir(seed).next();
            Map<String, Optional<Resource>> prefetch = new LinkedHashMap<>();
            for (int i = 0; i < input.record().size(); i++) {
                prefetch.put("k" + i, Optional.of(input.record().get(i)));
            }
            String body = CdsHooksRequests.toJson("order-sign", "h-" + seed, input.drafts(), prefetch);
            Object direct = outcome(() -> mapper.map(input.drafts(), input.record()));
            Object viaJson = outcome(() -> mapper.map(CdsHooksReader.create().read(body)));
            assertThat(viaJson).isEqualTo(direct);
        });
    }

    private static Object outcome(java.util.function.Supplier<FhirMapping> run) {
        try {
            FhirMapping m = run.get();
            return m.status() + " " + m.request() + " " + m.missing();
        } catch (InvalidRequestException e) {
            return e.violations();
        }
    }

    @Test
    void draftsAloneNeverThrowAnythingElse() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Bundle drafts = new RandomFhir(seed).next().drafts();
            try {
                mapper.map(drafts, null);
            } catch (InvalidRequestException e) {
                assertThat(e.violations()).isNotEmpty();
            }
        });
    }
}
