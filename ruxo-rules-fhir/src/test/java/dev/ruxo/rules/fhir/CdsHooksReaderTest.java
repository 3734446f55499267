package dev.ruxo.rules.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.Violation;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class CdsHooksReaderTest {

    private final CdsHooksReader reader = CdsHooksReader.create();

    private List<String> violations(String body) {
        try {
            reader.read(body);
        } catch (InvalidRequestException e) {
            return e.violations().stream().map(Violation::toString).toList();
        }
        throw new AssertionError("expected the request to be rejected");
    }

    @Test
    void readsEveryPartOfARequest() {
        CdsHooksRequest r = Fixtures.request("order-sign-complete.json");
        assertThat(r.hook()).isEqualTo("order-sign");
        assertThat(r.hookInstance()).isEqualTo("d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
        assertThat(r.fhirServer()).isEqualTo("https://ehr.example.org/fhir");
        assertThat(r.userId()).isEqualTo("Practitioner/example");
        assertThat(r.patientId()).isEqualTo("pat-1975");
        assertThat(r.encounterId()).isEqualTo("enc-89284");
        assertThat(r.fhirAuthorization().accessToken()).isEqualTo("some-opaque-fhir-access-token");
        assertThat(r.fhirAuthorization().expiresIn()).isEqualTo(300L);
        assertThat(r.draftOrders().getEntry()).hasSize(1);
        assertThat(r.prefetch()).containsOnlyKeys("patient", "conditions", "medicationRequests",
                "medicationStatements", "medicationDispenses", "observations");
        assertThat(r.prefetch().get("patient")).containsInstanceOf(Patient.class);
        assertThat(r.prefetch().get("conditions")).containsInstanceOf(Bundle.class);
        assertThat(r.prefetch().get("medicationStatements")).isEmpty();
        assertThat(r.hasPrefetch("medicationStatements")).isTrue();
    }

    @Test
    void orderSelectCarriesSelections() {
        assertThat(Fixtures.request("order-select-no-dose.json").selections()).containsExactly("MedicationRequest/sel-1");
    }

    @Test
    void neitherTheTokenNorResourceContentIsPrinted() {
        CdsHooksRequest r = Fixtures.request("order-sign-complete.json");
        assertThat(r.toString()).doesNotContain("some-opaque-fhir-access-token").doesNotContain("1975-03-14");
        assertThat(r.fhirAuthorization().toString()).doesNotContain("some-opaque-fhir-access-token");
    }

    @Test
    void notJson() {
        assertThat(violations("{\"hook\": ")).singleElement().asString().startsWith("$: is not valid JSON");
        assertThat(violations("[]")).containsExactly("$: must be a JSON object (a CDS Hooks request)");
    }

    @Test
    void everyProblemAtOnce() {
        assertThat(violations("{\"hook\":\"patient-view\",\"context\":{\"draftOrders\":{\"resourceType\":\"Patient\"}},"
                + "\"prefetch\":{\"patient\":\"Patient/1\",\"conditions\":{\"resourceType\":\"NoSuchType\"}}}"))
                .containsExactly(
                        "hook: must be order-select or order-sign",
                        "hookInstance: is required",
                        "context.draftOrders: must be a Bundle, was a Patient",
                        "prefetch.patient: must be a FHIR resource (an object with a resourceType)",
                        "prefetch.conditions: is not a FHIR R4 resource that HAPI FHIR can read");
    }

    @Test
    void draftOrdersAreRequired() {
        assertThat(violations("{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{}}"))
                .containsExactly("context.draftOrders: is required (a Bundle of the draft orders)");
        assertThat(violations("{\"hook\":\"order-sign\",\"hookInstance\":\"x\"}")).containsExactly("context: is required");
    }

    @Test
    void unknownFieldsAndElementsAreSkipped() {
        CdsHooksRequest r = reader.read("{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"extension\":{\"a\":1},"
                + "\"context\":{\"draftOrders\":{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"futureElement\":3}}}");
        assertThat(r.draftOrders()).isNotNull();
        assertThat(r.prefetch()).isEmpty();
    }

    @Test
    void violationsNeverRepeatRequestContent() {
        assertThatThrownBy(() -> reader.read("{\"hook\":\"secret-hook-name\",\"hookInstance\":7,\"context\":{\"draftOrders\":"
                + "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"birthDate\":{}}}]}}}"))
                .isInstanceOf(InvalidRequestException.class)
                .message().doesNotContain("secret-hook-name");
    }
}
