package dev.ruxo.rules.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruxo.rules.fhir.CdsHooksPrefetch;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service over real HTTP on loopback: discovery, both hooks with every prefetch shape, errors and limits. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdsHooksServiceTest {

    private static final String SIGN = "/cds-services/" + CdsHooksServer.ORDER_SIGN;
    private static final String SELECT = "/cds-services/" + CdsHooksServer.ORDER_SELECT;

    @TempDir
    static Path dir;
    private TestService.Running service;

    @BeforeAll
    void start() {
        service = TestService.start(dir.resolve("feedback"), b -> b.authDisabled(true)
                .addCorsOrigin("https://sandbox.cds-hooks.org"));
    }

    @AfterAll
    void stop() {
        service.close();
    }

    private static ObjectNode example(String file) {
        try {
            return (ObjectNode) Http.JSON.readTree(TestService.example(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> post(String path, JsonNode body) {
        return Http.post(service.url(path), body.toString());
    }

    private static List<String> rules(HttpResponse<String> response) {
        List<String> rules = new ArrayList<>();
        for (JsonNode card : Http.json(response).path("cards")) {
            rules.add(card.path("source").path("topic").path("code").asText());
        }
        return rules;
    }

    private static JsonNode card(HttpResponse<String> response, String rule) {
        for (JsonNode card : Http.json(response).path("cards")) {
            if (card.path("source").path("topic").path("code").asText().equals(rule)) {
                return card;
            }
        }
        throw new AssertionError("no card of rule " + rule + " in " + response.body());
    }

    private static void assertOperationOutcome(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        JsonNode body = Http.json(response);
        assertThat(body.path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(body.path("issue").get(0).path("code").asText()).isEqualTo(code);
        assertThat(body.path("issue").get(0).path("severity").asText()).isEqualTo("error");
    }

    @Nested
    class Discovery {

        @Test
        void listsBothHooksWithThePrefetchTemplatesOfTheFhirModule() {
            HttpResponse<String> response = Http.get(service.url("/cds-services"));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode services = Http.json(response).path("services");
            assertThat(services).hasSize(2);
            assertThat(services.get(0).path("hook").asText()).isEqualTo("order-select");
            assertThat(services.get(0).path("id").asText()).isEqualTo(CdsHooksServer.ORDER_SELECT);
            assertThat(services.get(1).path("hook").asText()).isEqualTo("order-sign");
            assertThat(services.get(1).path("id").asText()).isEqualTo(CdsHooksServer.ORDER_SIGN);
            for (JsonNode s : services) {
                assertThat(s.path("title").asText()).isNotBlank();
                assertThat(s.path("description").asText()).isNotBlank();
                Map<String, String> prefetch = Http.JSON.convertValue(s.path("prefetch"),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
                assertThat(prefetch).isEqualTo(CdsHooksPrefetch.templates())
                        .containsKeys("patient", "conditions", "medicationRequests", "medicationStatements",
                                "medicationDispenses", "observations");
                assertThat(prefetch.get("patient")).isEqualTo("Patient/{{context.patientId}}");
            }
        }

        @Test
        void healthSaysUpWithTheDatabase() {
            HttpResponse<String> response = Http.get(service.url("/health"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Http.json(response).path("status").asText()).isEqualTo("UP");
            assertThat(Http.json(response).path("database").asText()).isEqualTo("UP");
        }

        @Test
        void corsAllowsTheConfiguredOrigin() {
            HttpResponse<String> response = Http.send(HttpRequest.newBuilder(service.url("/cds-services"))
                    .header("Origin", "https://sandbox.cds-hooks.org").GET().build());

            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("https://sandbox.cds-hooks.org");
            HttpResponse<String> other = Http.send(HttpRequest.newBuilder(service.url("/cds-services"))
                    .header("Origin", "https://elsewhere.example.test").GET().build());
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Nested
    class OrderSign {

        @Test
        void aQuantityAboveTheCeilingIsCriticalWithAnUpdateOfTheDraftOrder() {
            HttpResponse<String> response = post(SIGN, example("order-sign-quantity-too-large.json"));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode card = card(response, "RUXO-DOSE-QTY-WEEKLY");
            assertThat(card.path("indicator").asText()).isEqualTo("critical");
            assertThat(card.path("uuid").asText()).isNotBlank();
            assertThat(card.path("overrideReasons")).isNotEmpty();
            JsonNode action = card.path("suggestions").get(0).path("actions").get(0);
            assertThat(action.path("type").asText()).isEqualTo("update");
            assertThat(action.path("resource").path("dispenseRequest").path("quantity").path("value").asInt())
                    .isEqualTo(60);
            assertThat(response.headers().firstValue("Server-Timing")).hasValueSatisfying(v -> assertThat(v)
                    .matches("queue;dur=[0-9.]+, app;dur=[0-9.]+, total;dur=[0-9.]+"));
        }

        @Test
        void aCoOrderedJakInhibitorIsCriticalWithADeleteOfItsDraftOrder() {
            HttpResponse<String> response = post(SIGN, example("order-sign-with-jak-inhibitor.json"));

            JsonNode card = card(response, "RUXO-DDI-JAK");
            assertThat(card.path("indicator").asText()).isEqualTo("critical");
            JsonNode action = card.path("suggestions").get(0).path("actions").get(0);
            assertThat(action.path("type").asText()).isEqualTo("delete");
            assertThat(action.path("resourceId").asText()).isEqualTo("MedicationRequest/draft-tofacitinib");
        }

        @Test
        void aMissingQuantityIsADataFindingAtSigning() {
            ObjectNode request = example("order-select-draft.json");
            request.put("hook", "order-sign");

            assertThat(rules(post(SIGN, request))).contains("RUXO-DATA-QTY-MISSING");
        }

        @Test
        void cardUuidsAreStableForTheSameHookInstanceAndRule() {
            ObjectNode request = example("order-sign-quantity-too-large.json");
            String first = card(post(SIGN, request), "RUXO-DOSE-QTY-WEEKLY").path("uuid").asText();
            String again = card(post(SIGN, request), "RUXO-DOSE-QTY-WEEKLY").path("uuid").asText();
            request.put("hookInstance", "5f0c1d2e-0000-4000-8000-000000000001");
            String other = card(post(SIGN, request), "RUXO-DOSE-QTY-WEEKLY").path("uuid").asText();

            assertThat(again).isEqualTo(first);
            assertThat(other).isNotEqualTo(first);
        }

        @Test
        void aBundleWithoutTheCreamHasNothingToCheck() {
            ObjectNode request = example("order-sign-with-jak-inhibitor.json");
            var entries = (com.fasterxml.jackson.databind.node.ArrayNode) request.path("context").path("draftOrders")
                    .path("entry");
            entries.remove(0);

            HttpResponse<String> response = post(SIGN, request);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Http.json(response).path("cards")).isEmpty();
        }
    }

    @Nested
    class OrderSelect {

        @Test
        void aDraftWithoutQuantityShowsNoQuantityDataFinding() {
            HttpResponse<String> response = post(SELECT, example("order-select-draft.json"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(rules(response)).doesNotContain("RUXO-DATA-QTY-MISSING").isNotEmpty();
        }

        @Test
        void whatTheDraftAlreadyShowsIsChecked() {
            ObjectNode request = example("order-sign-with-jak-inhibitor.json");
            request.put("hook", "order-select");

            HttpResponse<String> response = post(SELECT, request);

            assertThat(card(response, "RUXO-DDI-JAK").path("indicator").asText()).isEqualTo("critical");
        }
    }

    @Nested
    class Prefetch {

        @ParameterizedTest
        @ValueSource(strings = {SIGN, SELECT})
        void nullPrefetchValuesMeanNoDataAndTheCheckSaysItDidNotRun(String path) {
            ObjectNode request = example("order-sign-no-patient.json");
            request.put("hook", path.equals(SIGN) ? "order-sign" : "order-select");

            HttpResponse<String> response = post(path, request);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode cards = Http.json(response).path("cards");
            assertThat(cards).hasSize(1);
            assertThat(cards.get(0).path("indicator").asText()).isEqualTo("warning");
            assertThat(cards.get(0).path("summary").asText()).contains("not checked");
            assertThat(cards.get(0).path("detail").asText()).contains("Patient");
        }

        @ParameterizedTest
        @ValueSource(strings = {SIGN, SELECT})
        void missingPrefetchIsFetchedFromTheFhirServerWithTheBearerToken(String path) {
            ObjectNode full = example("order-sign-quantity-too-large.json");
            full.put("hook", path.equals(SIGN) ? "order-sign" : "order-select");
            List<String> expected = rules(post(path, full));
            try (LoopbackHttpServer fhir = fhirServerFor(full)) {
                ObjectNode request = full.deepCopy();
                request.remove("prefetch");
                request.put("fhirServer", fhir.url("/fhir").toString());
                request.putObject("fhirAuthorization").put("access_token", "secret-token-1")
                        .put("token_type", "Bearer").put("expires_in", 300)
                        .put("scope", "patient/*.read").put("subject", "cds-service");

                HttpResponse<String> response = post(path, request);

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(rules(response)).isEqualTo(expected).contains("RUXO-DOSE-QTY-WEEKLY");
                assertThat(fhir.received()).hasSize(6).allSatisfy(r -> {
                    assertThat(r.authorization()).isEqualTo("Bearer secret-token-1");
                    assertThat(r.accept()).isEqualTo("application/fhir+json");
                    assertThat(r.pathAndQuery()).contains("pat-1001");
                });
                assertThat(fhir.received()).anySatisfy(r -> assertThat(r.pathAndQuery())
                        .isEqualTo("/fhir/Patient/pat-1001"));
                assertThat(fhir.received()).anySatisfy(r -> assertThat(r.pathAndQuery())
                        .startsWith("/fhir/Observation?patient=pat-1001&").contains("http://loinc.org|72166-2"));
            }
        }

        @Test
        void onlyTheMissingKeysAreFetched() {
            ObjectNode full = example("order-sign-quantity-too-large.json");
            try (LoopbackHttpServer fhir = fhirServerFor(full)) {
                ObjectNode request = full.deepCopy();
                ((ObjectNode) request.path("prefetch")).remove("conditions");
                request.put("fhirServer", fhir.url("/fhir/").toString());
                request.putObject("fhirAuthorization").put("access_token", "t").put("token_type", "Bearer")
                        .put("scope", "patient/*.read").put("subject", "cds-service");

                assertThat(post(SIGN, request).statusCode()).isEqualTo(200);
                assertThat(fhir.received()).singleElement().satisfies(r -> assertThat(r.pathAndQuery())
                        .startsWith("/fhir/Condition?patient=pat-1001"));
            }
        }

        @Test
        void anOperationOutcomeInThePrefetchCountsAsNotPrefetched() {
            ObjectNode request = example("order-sign-quantity-too-large.json");
            ((ObjectNode) request.path("prefetch")).putObject("conditions").put("resourceType", "OperationOutcome")
                    .putArray("issue").addObject().put("severity", "error").put("code", "timeout");

            HttpResponse<String> response = post(SIGN, request);

            assertOperationOutcome(response, 412, "incomplete");
            assertThat(response.body()).contains("conditions");
        }

        @Test
        void missingPrefetchWithoutAFhirServerIs412() {
            ObjectNode request = example("order-sign-complete.json");
            request.remove("prefetch");

            HttpResponse<String> response = post(SIGN, request);

            assertOperationOutcome(response, 412, "incomplete");
            assertThat(response.body()).contains("patient").contains("fhirServer");
        }

        @Test
        void aFhirServerThatFailsIs412NamingTheKeys() {
            try (LoopbackHttpServer fhir = new LoopbackHttpServer()) {
                fhir.answer("/fhir/Patient/pat-1001", 500, "{}", 0);
                ObjectNode request = example("order-sign-complete.json");
                ((ObjectNode) request.path("prefetch")).remove("patient");
                request.put("fhirServer", fhir.url("/fhir").toString());
                request.putObject("fhirAuthorization").put("access_token", "t").put("token_type", "Bearer")
                        .put("scope", "patient/*.read").put("subject", "cds-service");

                HttpResponse<String> response = post(SIGN, request);

                assertOperationOutcome(response, 412, "incomplete");
                assertThat(response.body()).contains("patient");
            }
        }

        @Test
        void aFhirServerThatHangsIsGivenUpWithinTheTimeout() {
            try (LoopbackHttpServer fhir = new LoopbackHttpServer()) {
                fhir.answer("/fhir/Patient/pat-1001", 200, "{\"resourceType\":\"Patient\",\"id\":\"pat-1001\"}", 8000);
                ObjectNode request = example("order-sign-complete.json");
                ((ObjectNode) request.path("prefetch")).remove("patient");
                request.put("fhirServer", fhir.url("/fhir").toString());
                request.putObject("fhirAuthorization").put("access_token", "t").put("token_type", "Bearer")
                        .put("scope", "patient/*.read").put("subject", "cds-service");

                long start = System.nanoTime();
                HttpResponse<String> response = post(SIGN, request);
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertOperationOutcome(response, 412, "incomplete");
                // the FHIR timeout is 1.5 s and the time budget 2 s; the server would answer after 8 s
                assertThat(took).isLessThan(Duration.ofSeconds(5));
            }
        }

        /** A FHIR server answering each declared prefetch query with what the example carries inline. */
        private LoopbackHttpServer fhirServerFor(ObjectNode request) {
            LoopbackHttpServer fhir = new LoopbackHttpServer();
            JsonNode prefetch = request.path("prefetch");
            for (Iterator<String> keys = prefetch.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                String type = CdsHooksPrefetch.resourceTypes().get(key);
                JsonNode value = prefetch.get(key);
                String body = value.isNull()
                        ? "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0,\"link\":[{\"relation\":"
                        + "\"self\",\"url\":\"" + fhir.url("/fhir/" + type) + "?patient=pat-1001\"}]}"
                        : value.toString();
                fhir.answer(key.equals("patient") ? "/fhir/Patient/pat-1001" : "/fhir/" + type, body);
            }
            return fhir;
        }
    }

    @Nested
    class BadRequests {

        @Test
        void malformedJsonIs400WithAnOperationOutcome() {
            HttpResponse<String> response = Http.post(service.url(SIGN), "{\"hook\": \"order-sign\", ");

            assertOperationOutcome(response, 400, "structure");
            assertThat(response.body()).contains("not JSON");
        }

        @Test
        void aRequestWithoutItsRequiredFieldsIs400NamingThem() {
            HttpResponse<String> response = Http.post(service.url(SIGN), "{\"hook\":\"order-sign\"}");

            assertOperationOutcome(response, 400, "invalid");
            assertThat(response.body()).contains("hookInstance", "context");
        }

        @Test
        void theWrongHookForTheServiceIs400() {
            assertOperationOutcome(post(SELECT, example("order-sign-complete.json")), 400, "invalid");
        }

        @Test
        void anOversizedBodyIs413() {
            String big = "{\"hook\":\"order-sign\",\"pad\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";

            assertOperationOutcome(Http.post(service.url(SIGN), big), 413, "too-costly");
        }

        @Test
        void anOversizedBodyWithoutContentLengthIs413() {
            byte[] big = ("{\"hook\":\"order-sign\",\"pad\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> response = Http.send(HttpRequest.newBuilder(service.url(SIGN))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());

            assertThat(response.statusCode()).isEqualTo(413);
        }

        @Test
        void anUnknownServiceOrPathIs404WithAnOperationOutcome() {
            assertOperationOutcome(Http.post(service.url("/cds-services/nope"), "{}"), 404, "not-found");
            assertOperationOutcome(Http.get(service.url("/nothing-here")), 404, "not-found");
        }
    }

    @Nested
    class StartUp {

        @TempDir
        Path other;

        @Test
        void aRequestIsAnsweredWithinTheTimeBudgetWhenTheFhirServerIsSlowerThanItsTimeout() {
            try (LoopbackHttpServer fhir = new LoopbackHttpServer();
                 TestService.Running tight = TestService.start(other.resolve("budget"), b -> b.authDisabled(true)
                         .timeBudget(Duration.ofMillis(300)).fhirTimeout(Duration.ofSeconds(10)))) {
                fhir.answer("/fhir/Patient/pat-1001", 200, "{\"resourceType\":\"Patient\",\"id\":\"pat-1001\"}", 8000);
                ObjectNode request = example("order-sign-complete.json");
                ((ObjectNode) request.path("prefetch")).remove("patient");
                request.put("fhirServer", fhir.url("/fhir").toString());
                request.putObject("fhirAuthorization").put("access_token", "t").put("token_type", "Bearer")
                        .put("scope", "patient/*.read").put("subject", "cds-service");

                long start = System.nanoTime();
                HttpResponse<String> response = Http.post(tight.url(SIGN), request.toString());
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                // the fetch is cut at the budget (412), or the budget itself answers (503); never the 8 s wait
                assertThat(response.statusCode()).isIn(412, 503);
                assertThat(Http.json(response).path("resourceType").asText()).isEqualTo("OperationOutcome");
                assertThat(took).isLessThan(Duration.ofSeconds(4));
            }
        }

        @Test
        void noAuthLogsAWarning() {
            assertThat(service.notices()).anySatisfy(n -> assertThat(n).contains("authentication is off"));
        }

        @Test
        void noAuthIsRefusedOnANonLoopbackAddress() {
            assertThatThrownBy(() -> TestService.start(other.resolve("f"), b -> b.authDisabled(true).host("0.0.0.0")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("loopback");
        }

        @Test
        void aTakenPortIsAClearError() {
            int port = service.server().port();
            assertThatThrownBy(() -> TestService.start(other.resolve("g"), b -> b.authDisabled(true).port(port)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + port);
        }
    }

    @Test
    void theServiceUrlDefaultsToTheLoopbackAddress() {
        assertThat(service.server().url()).isEqualTo(URI.create("http://127.0.0.1:" + service.server().port()));
    }
}
