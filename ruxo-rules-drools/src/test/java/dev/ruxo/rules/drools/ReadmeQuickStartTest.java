package dev.ruxo.rules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.DiseaseSeverity;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.Order;
import dev.ruxo.rules.Patient;
import dev.ruxo.rules.PriorTopicalTherapy;
import dev.ruxo.rules.RuxoRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Java quick start is this code, word for word, and it runs. ModulePathTest in ruxo-rules-examples
 * compiles the README's file as it stands and runs it on the module path.
 */
class ReadmeQuickStartTest {

    private static void quickStart() {
        // README:begin
        CheckEngine engine = RuxoRules.newEngine(); // compiles the rules: build once, share across threads

        CheckRequest request = CheckRequest.builder()
                .asOf(LocalDate.of(2026, 11, 22))
                .patient(Patient.builder().birthDate(LocalDate.of(1990, 4, 2)).build())
                .order(Order.builder()
                        .indication(Coding.icd10cm("L20.9", "Atopic dermatitis, unspecified"))
                        .severity(DiseaseSeverity.MODERATE)
                        .priorTopicalTherapy(PriorTopicalTherapy.INADEQUATE)
                        .bsaPercent("25").quantityGrams(60).daysSupply(7)
                        .build())
                .addMedication(Medication.rxnorm("1876366", "dupilumab 300 MG/2ML", "subcutaneous"))
                .build(); // throws InvalidRequestException listing every bad field

        Assessment assessment = engine.check(request);
        System.out.println(assessment.decision()); // STOP
        for (Finding f : assessment.findings()) {
            System.out.println(f.severity() + " " + f.ruleId() + ": " + f.summary());
        }
        // README:end
    }

    @Test
    void readmeShowsExactlyThisCode() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("a java block in README.md").isTrue();
        String source = Files.readString(Path.of("src/test/java/dev/ruxo/rules/drools/ReadmeQuickStartTest.java"));
        String region = source.substring(source.indexOf("// README:begin\n") + "// README:begin\n".length(),
                source.indexOf("        // README:end"));
        // The README shows a whole program: its imports, then this code in a main method.
        String program = block.group(1);
        assertThat(program).contains("public class QuickStart {", "public static void main(String[] args) {");
        String body = program.substring(program.indexOf("main(String[] args) {") + "main(String[] args) {".length(),
                program.lastIndexOf('}'));
        body = body.substring(0, body.lastIndexOf('}'));
        assertThat(normalize(body)).isEqualTo(normalize(region));
        for (String line : program.lines().filter(l -> l.startsWith("import ")).toList()) {
            assertThat(source).as("the README's imports are this test's").contains(line);
        }
    }

    @Test
    void quickStartPrintsStopWithTheBsaAndBiologicFindings() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            quickStart();
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("STOP").contains("CRITICAL RUXO-DOSE-BSA-AD").contains("CRITICAL RUXO-DDI-BIOLOGIC");
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
