package dev.ruxo.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/value-set-files.md: its files are written as shown and its command prints what the page shows. */
class ValueSetFilesDocTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern COMMAND = Pattern.compile("```sh\\n\\./ruxo (.*?)\\n```\\s*```text\\n(.*?)```",
            Pattern.DOTALL);

    @TempDir
    Path work;

    private String doc;

    @BeforeEach
    void writeTheFiles() throws IOException {
        doc = Files.readString(REPO.resolve("docs/value-set-files.md"));
        int files = DocFiles.write(doc, work);
        assertThat(files).isEqualTo(2);
    }

    private ToolRun ruxo(String commandLine) {
        String[] words = commandLine.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (!words[i].startsWith("-")) {
                words[i] = work.resolve(words[i]).toString();
            }
        }
        words[0] = commandLine.strip().split("\\s+")[0];
        return ToolRun.of(words);
    }

    @Test
    void theCommandPassesAndPrintsWhatThePageShows() {
        Matcher m = COMMAND.matcher(doc);
        assertThat(m.find()).isTrue();
        ToolRun run = ruxo(m.group(1));
        assertThat(run.status()).as("%s%s", run.out(), run.err()).isZero();
        for (String line : m.group(2).strip().split("\n")) {
            assertThat(run.out()).contains(line);
        }
    }

    @Test
    void withoutTheValueSetFileTheScenarioFailsAsThePageSays() throws IOException {
        Files.delete(work.resolve("site-valuesets/ACTIVE_TUBERCULOSIS.valueset.json"));
        ToolRun run = ruxo("verify --rules site-valuesets --scenarios site-valuesets-scenarios");
        assertThat(run.out()).contains("0 passed, 1 failed").contains("RUXO-DATA-CONDITION-UNSCREENED");
    }

    @Test
    void theErrorsThePageShowsAreTheErrorsYouGet() throws IOException {
        Path folder = work.resolve("site-valuesets");
        Files.writeString(folder.resolve("MALIGNANCY.valueset.json"), """
                { "resourceType": "ValueSet", "compose": { "include": [ { "system": "http://snomed.info/sct",
                  "filter": [ { "property": "concept", "op": "is-a", "value": "363346000" } ] } ] } }
                """);
        Files.writeString(folder.resolve("JAK_INHIBITOR.valueset.json"), """
                { "resourceType": "ValueSet", "expansion": { "contains": [
                  { "system": "http://snomed.info/sct", "code": "56717001" } ] } }
                """);
        Files.writeString(folder.resolve("NO_SUCH_SET.valueset.json"), "{ \"resourceType\": \"ValueSet\" }");
        ToolRun run = ruxo("verify --rules site-valuesets --scenarios site-valuesets-scenarios");
        assertThat(run.status()).isNotZero();
        Matcher shown = Pattern.compile("## Errors.*?```text\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(shown.find()).isTrue();
        for (String line : shown.group(1).strip().split("\n")) {
            assertThat(run.err()).contains(work.resolve(line.substring(0, line.indexOf(':'))).toString()
                    + line.substring(line.indexOf(':')));
        }
        assertThat(run.err()).doesNotContain("Exception");
    }
}
