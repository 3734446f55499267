package dev.ruxo.rules.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdsCardsTest {

    private final CdsCards cards = CdsCards.create();

    private CdsHooksChecker.Result check(String fixture) {
        return CdsHooksChecker.create(Fixtures.engine(), Fixtures.mapper(), cards).check(Fixtures.request(fixture));
    }

    @Test
    void oneCardPerFindingWithItsIndicatorSourceAndDetail() {
        CdsHooksChecker.Result r = check("order-sign-complete.json");
        Assessment a = r.assessment();
        assertThat(r.cards()).hasSize(a.findings().size());
        for (int i = 0; i < a.findings().size(); i++) {
            Finding f = a.findings().get(i);
            CdsCard c = r.cards().get(i);
            assertThat(c.summary()).hasSizeLessThan(140);
            assertThat(c.indicator().name()).isEqualTo(f.severity().name());
            assertThat(c.source().label()).isEqualTo("Opzelura US Prescribing Information, section "
                    + f.source().section());
            assertThat(c.source().url()).isEqualTo(f.source().url());
            assertThat(c.source().topic().code()).isEqualTo(f.ruleId());
            assertThat(c.detail()).contains("**Source:** Opzelura US Prescribing Information, section "
                    + f.source().section() + ", revision 2025-09").contains("`" + f.ruleId() + "`");
            assertThat(c.overrideReasons()).isEqualTo(f.overridable() ? CdsCards.overrideReasons() : List.of());
        }
    }

    @Test
    void theQuantityCardSuggestsTheCeilingOnTheDraftOrder() {
        CdsCard qty = check("order-sign-complete.json").cards().stream()
                .filter(c -> c.source().topic().code().equals("RUXO-DOSE-QTY-WEEKLY")).findFirst().orElseThrow();
        assertThat(qty.detail()).contains("60 g per 7 days");
        assertThat(qty.selectionBehavior()).isEqualTo("at-most-one");
        CdsCard.Action action = qty.suggestions().get(0).actions().get(0);
        assertThat(action.type()).isEqualTo(CdsCard.ActionType.UPDATE);
        assertThat(action.resourceId()).isEqualTo("MedicationRequest/draft-cream-1");
        org.hl7.fhir.r4.model.MedicationRequest updated = (org.hl7.fhir.r4.model.MedicationRequest) action.resource();
        assertThat(updated.getDispenseRequest().getQuantity().getValue()).isEqualByComparingTo("60");
        assertThat(updated.getDispenseRequest().getExpectedSupplyDuration().getValue()).isEqualByComparingTo("7");
        assertThat(updated.getIdElement().getIdPart()).isEqualTo("draft-cream-1");
    }

    @Test
    void uuidsAreStablePerHookInstanceAndRule() {
        List<String> first = check("statuses.json").cards().stream().map(CdsCard::uuid).toList();
        List<String> second = check("statuses.json").cards().stream().map(CdsCard::uuid).toList();
        assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
        assertThat(CdsCards.cardUuid("a", "RUXO-DDI-JAK")).isEqualTo(CdsCards.cardUuid("a", "RUXO-DDI-JAK"))
                .isNotEqualTo(CdsCards.cardUuid("b", "RUXO-DDI-JAK"))
                .isNotEqualTo(CdsCards.cardUuid("a", "RUXO-DDI-BIOLOGIC"));
        assertThat(first).contains(CdsCards.cardUuid("c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f", "RUXO-DDI-JAK"));
        // Two JAK inhibitors in the record are one finding of the rule, so one card that names both.
        assertThat(check("statuses.json").cards()).filteredOn(c -> c.source().topic().code().equals("RUXO-DDI-JAK"))
                .singleElement().satisfies(c -> assertThat(c.summary()).contains("(+1 more)"));
    }

    @Test
    void dataThatCouldNotBeUsedGetsAnInfoCard() {
        List<CdsCard> all = check("statuses.json").cards();
        CdsCard last = all.get(all.size() - 1);
        assertThat(last.indicator()).isEqualTo(CdsCard.Indicator.INFO);
        assertThat(last.detail()).contains("MedicationDispense/d6: daysSupply is missing");
    }

    @Test
    void responseJsonHasTheCdsHooksShape() throws Exception {
        List<CdsCard> list = check("medication-from-bundle.json").cards();
        JsonNode root = new ObjectMapper().readTree(cards.writeResponse(list));
        JsonNode card = root.get("cards").get(0);
        assertThat(card.get("uuid").asText()).isNotBlank();
        assertThat(card.get("indicator").asText()).isEqualTo("critical");
        assertThat(card.get("source").get("label").asText()).startsWith("Opzelura US Prescribing Information");
        assertThat(card.get("source").get("topic").get("system").asText()).isEqualTo(FhirCodes.RUXO_CODE_SYSTEM);
        JsonNode action = card.get("suggestions").get(0).get("actions").get(0);
        assertThat(action.get("type").asText()).isEqualTo("delete");
        assertThat(action.get("resourceId").asText()).isEqualTo("MedicationRequest/draft-tofa");
        assertThat(card.get("overrideReasons").get(0).get("system").asText()).isEqualTo(CdsCards.NON_ADHERENCE_REASONS);
        assertThat(card.get("selectionBehavior").asText()).isEqualTo("at-most-one");
    }

    @Test
    void updateActionsCarryTheResourceAsFhirJson() throws Exception {
        List<CdsCard> list = check("order-sign-complete.json").cards();
        JsonNode root = new ObjectMapper().readTree(cards.writeResponse(list));
        JsonNode action = root.get("cards").get(0).get("suggestions").get(0).get("actions").get(0);
        assertThat(action.get("type").asText()).isEqualTo("update");
        assertThat(action.get("resource").get("resourceType").asText()).isEqualTo("MedicationRequest");
        assertThat(action.get("resource").get("dispenseRequest").get("quantity").get("value").asInt()).isEqualTo(60);
    }

    @Test
    void updateActionsWrittenFromTheRequestJsonEqualTheHapiEncoding() throws Exception {
        for (String fixture : List.of("order-sign-complete.json", "medication-from-bundle.json")) {
            CdsHooksRequest request = Fixtures.request(fixture);
            FhirMapping m = Fixtures.mapper().map(request);
            org.hl7.fhir.r4.model.MedicationRequest cream = m.creamOrder().orElseThrow().resource();
            // the same order built as HAPI objects, without the JSON it was read from
            org.hl7.fhir.r4.model.MedicationRequest copy = cream.copy();
            copy.setUserData(Fhir.SOURCE_JSON, null);
            copy.setUserData(Fhir.SOURCE_JSON, null);
            for (String ruleId : List.of("RUXO-DOSE-QTY-WEEKLY", "RUXO-DOSE-ROUTE")) {
                Finding f = new Finding(ruleId, dev.ruxo.rules.Category.DOSING, dev.ruxo.rules.Severity.CRITICAL,
                        "s", null, new dev.ruxo.rules.Source("L", "2", "2025-09", null, true), true);
                Assessment a = Assessment.of(List.of(f), Fixtures.engine().knowledgeBase());
                JsonNode fromJson = cards.toJson(cards.cards(m, a, "h").get(0)).at("/suggestions/0/actions/0/resource");
                FhirMapping hapiOnly = new FhirMapping(m.status(), m.request(),
                        List.of(new FhirMapping.DraftOrder(m.creamOrder().get().reference(), copy, true, null)),
                        m.missing(), m.notes(), m.resourcesRead(), m.resourcesUsed());
                JsonNode fromHapi = cards.toJson(cards.cards(hapiOnly, a, "h").get(0))
                        .at("/suggestions/0/actions/0/resource");
                org.hl7.fhir.r4.model.Resource a1 = (org.hl7.fhir.r4.model.Resource) Fhir.parser()
                        .parseResource(fromJson.toString());
                org.hl7.fhir.r4.model.Resource a2 = (org.hl7.fhir.r4.model.Resource) Fhir.parser()
                        .parseResource(fromHapi.toString());
                assertThat(a1.equalsDeep(a2)).as("%s %s: %s vs %s", fixture, ruleId, fromJson, fromHapi).isTrue();
            }
        }
    }

    @Test
    void markdownInFindingTextIsEscaped() {
        assertThat(CdsCards.markdown("a*b_c [d] <e> `f`")).isEqualTo("a\\*b\\_c \\[d\\] \\<e\\> \\`f\\`");
    }
}
