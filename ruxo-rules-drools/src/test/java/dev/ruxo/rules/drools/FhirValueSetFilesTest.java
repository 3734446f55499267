package dev.ruxo.rules.drools;

import static dev.ruxo.rules.testkit.RuxoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ruxo.rules.CodeSystems;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.MedicationStatus;
import dev.ruxo.rules.RuleCompilationException;
import dev.ruxo.rules.RuleMessage;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.testkit.CheckRequests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FHIR R4 ValueSet resources in a rules folder extend the value sets they are named after. */
class FhirValueSetFilesTest {

    /** A VSAC-style expansion: one SNOMED CT tuberculosis concept the built-in set lacks, nested, and an abstract parent. */
    static final String TUBERCULOSIS_EXPANSION = """
            {
              "resourceType": "ValueSet",
              "url": "http://example.org/fhir/ValueSet/active-tb",
              "name": "ActiveTuberculosis",
              "status": "active",
              "expansion": {
                "timestamp": "2026-11-01T00:00:00Z",
                "contains": [
                  { "system": "http://snomed.info/sct", "code": "15202009", "display": "Tuberculoma", "abstract": true,
                    "contains": [
                      { "system": "http://snomed.info/sct", "code": "186466001", "display": "Tuberculoma of brain, confirmed" }
                    ] },
                  { "system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "A15.0", "display": "Tuberculosis of lung" }
                ]
              }
            }
            """;

    @TempDir
    Path folder;

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text);
    }

    private DroolsCheckEngine engine() {
        return DroolsCheckEngine.builder().rulesFolder(folder).build();
    }

    private List<RuleMessage> errors() {
        try {
            engine();
        } catch (RuleCompilationException e) {
            return e.messages();
        }
        throw new AssertionError("expected the folder not to compile");
    }

    @Test
    void anExpansionAddsItsConceptsToTheNamedConditionSet() throws IOException {
        var before = TestEngine.check(CheckRequests.adultAtopicDermatitis()
                .condition(Coding.snomed("186466001", "Tuberculoma of brain, confirmed")));
        assertThat(before).hasNoFinding("RUXO-SAF-INFECTION-ACTIVE").hasFinding("RUXO-DATA-CONDITION-UNSCREENED");
        write("ACTIVE_TUBERCULOSIS.valueset.json", TUBERCULOSIS_EXPANSION);
        DroolsCheckEngine engine = engine();
        assertThat(engine.check(CheckRequests.adultAtopicDermatitis()
                .condition(Coding.snomed("186466001", "Tuberculoma of brain, confirmed")).build()))
                .hasDecision(Decision.STOP).hasFinding("RUXO-SAF-INFECTION-ACTIVE", Severity.CRITICAL)
                .hasNoFinding("RUXO-DATA-CONDITION-UNSCREENED");
        assertThat(engine.check(CheckRequests.adultAtopicDermatitis()
                .condition(Coding.snomed("15202009", "Tuberculoma")).build()))
                .as("an abstract concept is not a code").hasNoFinding("RUXO-SAF-INFECTION-ACTIVE");
        assertThat(engine.compiled().precompiled()).as("data only: the precompiled rules stay").isTrue();
        assertThat(RuleCatalogue.markdown(engine)).contains("## Value-set extensions")
                .contains("| `ACTIVE_TUBERCULOSIS.valueset.json` | `ACTIVE_TUBERCULOSIS` | 1 icd10cm, 1 snomed |");
    }

    @Test
    void aComposeDefinitionAddsMedicationsWithTheRoutesOfTheirSet() throws IOException {
        write("STRONG_CYP3A4_INHIBITOR.valueset.json", """
                {
                  "resourceType": "ValueSet",
                  "status": "active",
                  "compose": { "include": [
                    { "system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                      "concept": [ { "code": "2599543", "display": "ensitrelvir, as a site lists it" } ] },
                    { "system": "http://www.whocc.no/atc", "concept": [ { "code": "J05AE30" } ] }
                  ] }
                }
                """);
        DroolsCheckEngine engine = engine();
        var oral = new Medication(CodeSystems.RXNORM, "2599543", null, "oral", MedicationStatus.ACTIVE);
        var topical = new Medication(CodeSystems.RXNORM, "2599543", null, "topical", MedicationStatus.ACTIVE);
        assertThat(engine.check(CheckRequests.adultAtopicDermatitis().medication(oral).build()))
                .hasFinding("RUXO-DDI-CYP3A4-STRONG", Severity.WARNING);
        assertThat(engine.check(CheckRequests.adultAtopicDermatitis().medication(topical).build()))
                .as("systemic only, like every row of the set").hasNoFinding("RUXO-DDI-CYP3A4-STRONG");
        assertThat(RuleCatalogue.markdown(engine)).contains("| 1 rxnorm |");
    }

    @Test
    void everyProblemNamesTheFileAndTheElement() throws IOException {
        write("NO_SUCH_SET.valueset.json", TUBERCULOSIS_EXPANSION);
        write("HIV.valueset.json", """
                { "resourceType": "CodeSystem" }
                """);
        write("MALIGNANCY.valueset.json", """
                { "resourceType": "ValueSet", "compose": {
                    "include": [ { "system": "http://snomed.info/sct", "filter": [ { "property": "concept", "op": "is-a", "value": "363346000" } ] },
                                 { "system": "http://loinc.org", "concept": [ { "code": "1234-5" } ] } ],
                    "exclude": [ { "system": "http://snomed.info/sct", "concept": [ { "code": "1" } ] } ] } }
                """);
        write("PREGNANCY.valueset.json", "{ \"resourceType\": \"ValueSet\", \n \"expansion\": [ }");
        List<RuleMessage> errors = errors();
        assertThat(errors).extracting(RuleMessage::toString).anySatisfy(m -> assertThat(m)
                        .contains("NO_SUCH_SET.valueset.json").contains("no value set NO_SUCH_SET"))
                .anySatisfy(m -> assertThat(m).contains("HIV.valueset.json").contains("resourceType"))
                .anySatisfy(m -> assertThat(m).contains("MALIGNANCY.valueset.json")
                        .contains("compose.include[0].filter"))
                .anySatisfy(m -> assertThat(m).contains("MALIGNANCY.valueset.json")
                        .contains("compose.include[1].concept[0].system").contains("http://loinc.org"))
                .anySatisfy(m -> assertThat(m).contains("MALIGNANCY.valueset.json").contains("compose.exclude"))
                .anySatisfy(m -> assertThat(m).contains("PREGNANCY.valueset.json").contains("not valid JSON"));
        assertThat(errors).filteredOn(m -> m.resource().endsWith("PREGNANCY.valueset.json"))
                .allSatisfy(m -> assertThat(m.line()).isEqualTo(2));
    }

    @Test
    void aConditionCodeSystemInAMedicationSetIsAnError() throws IOException {
        write("JAK_INHIBITOR.valueset.json", TUBERCULOSIS_EXPANSION);
        assertThat(errors()).extracting(RuleMessage::toString)
                .anySatisfy(m -> assertThat(m).contains("expansion.contains[0].contains[0].system")
                        .contains("not a code system of medication value sets"));
    }

    @Test
    void codesTheSetAlreadyHasAreSkippedNotDuplicated() throws IOException {
        write("ACTIVE_TUBERCULOSIS.valueset.json", """
                { "resourceType": "ValueSet", "expansion": { "contains": [
                  { "system": "http://snomed.info/sct", "code": "56717001", "display": "Tuberculosis" } ] } }
                """);
        assertThat(RuleCatalogue.markdown(engine())).contains("none (all already listed)");
    }

    @Test
    void aValueSetFileChangesTheKnowledgeBaseVersion() throws IOException {
        write("ACTIVE_TUBERCULOSIS.valueset.json", TUBERCULOSIS_EXPANSION);
        assertThat(engine().knowledgeBase().version()).isNotEqualTo(TestEngine.engine().knowledgeBase().version());
    }

    @Test
    void anEmptyValueSetIsAnError() throws IOException {
        write("HIV.valueset.json", "{ \"resourceType\": \"ValueSet\", \"expansion\": { \"contains\": [] } }");
        assertThatThrownBy(this::engine).isInstanceOf(RuleCompilationException.class).hasMessageContaining("lists no concept");
    }
}
