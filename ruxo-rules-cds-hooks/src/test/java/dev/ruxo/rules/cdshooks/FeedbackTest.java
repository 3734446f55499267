package dev.ruxo.rules.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feedback over real HTTP, stored in the embedded database, reported per rule, and still there after a restart. */
class FeedbackTest {

    private static final String SIGN = "/cds-services/" + CdsHooksServer.ORDER_SIGN;

    @TempDir
    Path dir;

    private static String uuidOf(HttpResponse<String> response, String rule) {
        for (JsonNode card : Http.json(response).path("cards")) {
            if (card.path("source").path("topic").path("code").asText().equals(rule)) {
                return card.path("uuid").asText();
            }
        }
        throw new AssertionError("no card of " + rule + " in " + response.body());
    }

    private static String feedback(String card, String outcome, String reasonCode, String comment) {
        ObjectNode item = Http.JSON.createObjectNode().put("card", card).put("outcome", outcome)
                .put("outcomeTimestamp", "2026-12-02T10:15:00Z");
        if (reasonCode != null) {
            ObjectNode reason = item.putObject("overrideReason");
            reason.putObject("reason").put("system", "http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes")
                    .put("code", reasonCode).put("display", "display of " + reasonCode);
            if (comment != null) {
                reason.put("userComment", comment);
            }
        }
        ObjectNode body = Http.JSON.createObjectNode();
        body.putArray("feedback").add(item);
        return body.toString();
    }

    private static JsonNode row(JsonNode summary, String rule) {
        for (JsonNode r : summary.path("rules")) {
            if (r.path("ruleId").asText().equals(rule)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + rule + " in " + summary);
    }

    @Test
    void feedbackIsStoredAndReportedPerRuleAfterARestart() {
        Path database = dir.resolve("site").resolve("feedback.mv.db");
        try (TestService.Running first = TestService.startWithoutAuth(database)) {
            for (int call = 0; call < 3; call++) {
                ObjectNode request = (ObjectNode) Http.json(Http.get(first.url("/examples/order-sign-quantity-too-large.json")));
                request.put("hookInstance", "00000000-0000-4000-8000-00000000000" + call);
                HttpResponse<String> cards = Http.post(first.url(SIGN), request.toString());
                String quantity = uuidOf(cards, "RUXO-DOSE-QTY-WEEKLY");
                String reason = call < 2 ? "cds-not-applicable" : "recipient-concerns-outcomes";
                assertThat(Http.post(first.url(SIGN + "/feedback"),
                        feedback(quantity, "overridden", reason, "tube size")).statusCode()).isEqualTo(200);
                if (call == 0) {
                    assertThat(Http.post(first.url(SIGN + "/feedback"), feedback(uuidOf(cards,
                            "RUXO-IND-PRIOR-THERAPY-AD"), "accepted", null, null)).statusCode()).isEqualTo(200);
                }
            }
        }
        assertThat(Files.isRegularFile(database)).isTrue();

        try (TestService.Running second = TestService.startWithoutAuth(database)) {
            HttpResponse<String> response = Http.get(second.url("/feedback/summary"));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode quantity = row(Http.json(response), "RUXO-DOSE-QTY-WEEKLY");
            assertThat(quantity.path("shown").asLong()).isEqualTo(3);
            assertThat(quantity.path("accepted").asLong()).isZero();
            assertThat(quantity.path("overridden").asLong()).isEqualTo(3);
            assertThat(quantity.path("topReasons").get(0).path("code").asText()).isEqualTo("cds-not-applicable");
            assertThat(quantity.path("topReasons").get(0).path("count").asLong()).isEqualTo(2);
            assertThat(quantity.path("topReasons").get(1).path("code").asText())
                    .isEqualTo("recipient-concerns-outcomes");
            JsonNode prior = row(Http.json(response), "RUXO-IND-PRIOR-THERAPY-AD");
            assertThat(prior.path("shown").asLong()).isEqualTo(3);
            assertThat(prior.path("accepted").asLong()).isEqualTo(1);
        }

        try (FeedbackStore store = FeedbackStore.open(database)) {
            String text = store.summary().toText();
            assertThat(text).contains("RUXO-DOSE-QTY-WEEKLY").contains("display of cds-not-applicable (2)");
        }
    }

    @Test
    void theSameHookInstanceCountsItsCardsOnce() {
        try (TestService.Running service = TestService.startWithoutAuth(dir.resolve("once"))) {
            String request = TestService.example("order-sign-quantity-too-large.json");
            Http.post(service.url(SIGN), request);
            Http.post(service.url(SIGN), request);

            JsonNode summary = Http.json(Http.get(service.url("/feedback/summary")));
            assertThat(row(summary, "RUXO-DOSE-QTY-WEEKLY").path("shown").asLong()).isEqualTo(1);
        }
    }

    @Test
    void feedbackOnACardTheServiceNeverShowedIsCountedApart() {
        try (TestService.Running service = TestService.startWithoutAuth(dir.resolve("unknown"))) {
            assertThat(Http.post(service.url(SIGN + "/feedback"),
                    feedback("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", "accepted", null, null)).statusCode())
                    .isEqualTo(200);

            JsonNode summary = Http.json(Http.get(service.url("/feedback/summary")));
            assertThat(row(summary, FeedbackSummary.UNKNOWN_CARD).path("accepted").asLong()).isEqualTo(1);
        }
    }

    @Test
    void malformedFeedbackIsRefusedFieldByField() {
        try (TestService.Running service = TestService.startWithoutAuth(dir.resolve("bad"))) {
            HttpResponse<String> response = Http.post(service.url(SIGN + "/feedback"),
                    "{\"feedback\":[{\"card\":\"\",\"outcome\":\"ignored\",\"outcomeTimestamp\":\"yesterday\"}]}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Http.json(response).path("resourceType").asText()).isEqualTo("OperationOutcome");
            assertThat(response.body()).contains("feedback[0].card", "feedback[0].outcome",
                    "feedback[0].outcomeTimestamp");
            assertThat(Http.post(service.url(SIGN + "/feedback"), "{\"feedback\":[]}").statusCode()).isEqualTo(400);
            assertThat(Http.post(service.url(SIGN + "/feedback"), "not json").statusCode()).isEqualTo(400);
            assertThat(Http.post(service.url("/cds-services/nope/feedback"), "{}").statusCode()).isEqualTo(404);

            assertThat(Http.json(Http.get(service.url("/feedback/summary"))).path("rules")).isEmpty();
        }
    }
}
