package dev.ruxo.rules.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.json.WireFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One engine, two inputs: each CDS Hooks fixture assesses exactly as its wire-format twin. */
class FhirWireEquivalenceTest {

    static List<String> fixtures() {
        return Fixtures.withWireTwin();
    }

    @Test
    void everyCheckableFixtureHasATwin() {
        assertThat(fixtures()).contains("order-sign-complete", "order-select-no-dose", "prefetch-null",
                "snomed-only-conditions", "medication-from-bundle", "units-kg", "statuses");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fhirAndWireGiveTheSameAssessment(String name) {
        FhirMapping mapping = Fixtures.mapper().map(Fixtures.request(name + ".json"));
        assertThat(mapping.status()).isEqualTo(FhirMapping.Status.CHECKABLE);
        CheckRequest fromWire = WireFormat.create().readRequest(Fixtures.read(name + ".wire.json"));

        Assessment fhir = Fixtures.engine().check(mapping.request());
        Assessment wire = Fixtures.engine().check(fromWire);

        assertThat(fhir.findings()).as("findings of %s", name).isEqualTo(wire.findings());
        assertThat(fhir.decision()).isEqualTo(wire.decision());
        // the mapped request itself matches the twin, up to order of lists
        assertThat(mapping.request().order()).isEqualTo(fromWire.order());
        assertThat(mapping.request().patient().toBuilder().conditions(List.of()).build())
                .isEqualTo(fromWire.patient().toBuilder().conditions(List.of()).build());
        assertThat(mapping.request().patient().conditions())
                .containsExactlyInAnyOrderElementsOf(fromWire.patient().conditions());
        assertThat(mapping.request().medications()).containsExactlyInAnyOrderElementsOf(fromWire.medications());
        assertThat(mapping.request().dispenses()).containsExactlyInAnyOrderElementsOf(fromWire.dispenses());
    }
}
