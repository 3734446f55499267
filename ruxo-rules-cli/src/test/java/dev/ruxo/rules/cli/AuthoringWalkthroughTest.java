package dev.ruxo.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/authoring-rules.md, step by step: its files are written exactly as shown and its ./ruxo commands run with the
 * tool in process, from a working folder that stands in for a fresh clone.
 */
class AuthoringWalkthroughTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```(?:\\s*(?:\\n[^`]*?)?```text\\n(.*?)```)?",
            Pattern.DOTALL);

    @TempDir
    Path work;

    private String doc;

    @BeforeEach
    void writeTheFilesTheWalkthroughShows() throws IOException {
        doc = Files.readString(REPO.resolve("docs/authoring-rules.md"));
        int files = DocFiles.write(doc, work);
        assertThat(files).as("files shown in the walkthrough").isEqualTo(5);
        Files.createDirectories(work.resolve("docs"));
    }


    private ToolRun ruxo(String commandLine) {
        List<String> args = new ArrayList<>();
        for (String word : commandLine.strip().split("\\s+")) {
            String first = word.split("/")[0];
            boolean path = !word.startsWith("-") && word.contains("/") || Files.exists(work.resolve(first));
            args.add(!path ? word : Files.exists(work.resolve(first)) ? work.resolve(word).toString()
                    : REPO.resolve(word).toString());
        }
        return ToolRun.of(args.toArray(String[]::new));
    }

    @Test
    void everyCommandOfTheWalkthroughWorksAndPrintsWhatTheDocShows() {
        Matcher m = SH_BLOCK.matcher(doc);
        int commands = 0;
        while (m.find()) {
            String command = m.group(1).strip();
            if (!command.startsWith("./ruxo ")) {
                continue;
            }
            commands++;
            ToolRun run = ruxo(command.substring("./ruxo ".length()));
            assertThat(run.status()).as("exit status of %s%n%s%s", command, run.out(), run.err()).isZero();
            assertThat(run.err()).as("standard error of %s", command).isEmpty();
            if (m.group(2) != null && command.contains(" verify ")) {
                for (String line : m.group(2).strip().split("\n")) {
                    assertThat(run.out()).as("output of %s", command).contains(line);
                }
            }
        }
        assertThat(commands).as("./ruxo commands in the walkthrough").isEqualTo(3);
        assertThat(work.resolve("docs/rule-catalogue.md")).content().contains("RUXO-DOSE-BSA-AD");
    }

    @Test
    void theErrorsTheDocShowsAreTheErrorsYouGet() throws IOException {
        Path drl = work.resolve("site-rules/site.drl");
        Files.writeString(drl, Files.readString(drl).replace("quantityGrams > $grams", "quantityGram > $grams"));
        Path params = work.resolve("site-rules/parameters.csv");
        Files.writeString(params, Files.readString(params).replace("SITE_MAX_FILL_GRAMS,", "site_max,"));
        ToolRun run = ruxo("verify --rules site-rules --scenarios site-scenarios");
        assertThat(run.status()).isEqualTo(ExitStatus.INTERNAL_ERROR);
        Matcher shown = Pattern.compile("```text\\nruxo-rules: the knowledge base does not compile.*?\\n(.*?)```",
                Pattern.DOTALL).matcher(doc);
        assertThat(shown.find()).isTrue();
        for (String line : shown.group(1).strip().split("\n")) {
            String location = line.substring(0, line.indexOf(": ") + 1);
            assertThat(run.err()).as("error output").contains(work.resolve(location.split(":")[0]) + location
                    .substring(location.indexOf(':')));
        }
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).contains("0 passed, 1 failed");
    }
}
