package dev.ruxo.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Category;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.KnowledgeBaseInfo;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.Source;
import dev.ruxo.rules.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * docs/wire-format.md is the product owner's contract, kept in step: without the repository's marked additions and
 * with its links inside the repository, it is the shared copy word for word (checked when the shared copy is
 * present beside the repository). Its JSON examples are what this module reads and writes.
 */
class WireFormatDocTest {

    private static final Path DOC = Path.of("..", "docs", "wire-format.md");
    private static final Path SHARED = Path.of("..", "..", "shared", "contract", "wire-format.md");
    private static final Pattern ADDITION = Pattern.compile("<!-- addition -->\\n.*?<!-- end of addition -->\\n\\n?",
            Pattern.DOTALL);
    /** The repository's rewrites of the shared text: the shared copy names files outside the repository. */
    private static final List<String[]> LINKS = List.<String[]>of(
            new String[] {"(see clinical/policy.md)", "(see [clinical-rules.md](clinical-rules.md))"});
    private static final ObjectMapper JSON = new ObjectMapper();

    static String withoutAdditions(String doc) {
        String text = ADDITION.matcher(doc).replaceAll("");
        for (String[] link : LINKS) {
            text = text.replace(link[1], link[0]);
        }
        return text;
    }

    @Test
    void isTheProductOwnersContractPlusMarkedAdditions() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(SHARED), "the shared contract is not beside this repository");
        assertThat(withoutAdditions(Files.readString(DOC))).isEqualTo(Files.readString(SHARED));
    }

    @Test
    void linksOnlyInsideTheRepository() throws IOException {
        String doc = Files.readString(DOC);
        assertThat(doc).doesNotContain("shared/").doesNotContain("clinical/policy.md](");
        for (String[] link : LINKS) {
            assertThat(doc).contains(link[1]);
        }
    }

    @Test
    void theRequestExampleIsAValidRequest() throws IOException {
        CheckRequest request = WireFormat.create().readRequest(jsonBlocks().get(0));
        assertThat(request.order().bsaPercent()).isEqualByComparingTo("12.5");
        assertThat(request.medications()).hasSize(1);
        assertThat(request.dispenses()).hasSize(1);
    }

    @Test
    void theWriterWritesEveryFieldOfTheAssessmentExampleAndTheAdditions() throws IOException {
        JsonNode example = JSON.readTree(jsonBlocks().get(1));
        Finding finding = new Finding("RUXO-DOSE-BSA-AD", Category.DOSING, Severity.CRITICAL, "Treated area too large",
                "detail", new Source("Opzelura US Prescribing Information", "2.1", "2025-09", "https://example.org",
                        true), true);
        JsonNode written = JSON.readTree(WireFormat.create().writeAssessment(
                Assessment.of(List.of(finding), new KnowledgeBaseInfo("v", "US", "2025-09"))));
        assertSameFields(example, written, "$");
        assertThat(written.get("libraryVersion").isTextual()).isTrue();
        assertThat(written.get("wireFormatVersion").asInt()).isEqualTo(1);
        assertThat(Files.readString(DOC)).contains("\"libraryVersion\"").contains("\"wireFormatVersion\": 1");
    }

    @Test
    void theErrorObjectIsWhatTheWriterWrites() throws IOException {
        Matcher error = Pattern.compile("`(\\{\"error\":.*?\\})`").matcher(Files.readString(DOC));
        assertThat(error.find()).isTrue();
        JsonNode written = JSON.readTree(WireFormat.create().writeError(
                new InvalidRequestException(List.of(new Violation("order.bsaPercent", "must be a number")))));
        assertSameFields(JSON.readTree(error.group(1)), written, "$");
    }

    /** Every field of the example is in the written tree, with the same JSON type, recursively. */
    private static void assertSameFields(JsonNode example, JsonNode written, String path) {
        assertThat(written.getNodeType()).as(path).isEqualTo(example.getNodeType());
        if (example.isObject()) {
            example.fieldNames().forEachRemaining(name -> {
                assertThat(written.has(name)).as(path + "." + name).isTrue();
                assertSameFields(example.get(name), written.get(name), path + "." + name);
            });
        } else if (example.isArray() && example.size() > 0) {
            assertThat(written.size()).as(path).isPositive();
            assertSameFields(example.get(0), written.get(0), path + "[0]");
        }
    }

    private static List<String> jsonBlocks() throws IOException {
        Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        List<String> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).hasSize(2);
        return blocks;
    }
}
