package dev.ruxo.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged tool, run as a process the way a user runs it: {@code java -jar target/ruxo-rules-cli.jar} with the
 * lib/ folder the build puts beside it. In-process tests cannot see a jar missing from lib/ or a lost exit status;
 * these can. Run by Failsafe after {@code package}, within {@code ./mvnw verify}.
 */
class PackagedCliIT {

    private static final Path JAR = Path.of(System.getProperty("ruxo.cli.jar", "target/ruxo-rules-cli.jar"))
            .toAbsolutePath();
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
        List<String> decisionLines() {
            return out.lines().filter(l -> l.matches("^(PROCEED|REVIEW|STOP|INVALID|ERROR)\\b.*")).toList();
        }
    }

    private static Run run(Path jar, File stdout, List<String> args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", jar.toString()));
        command.addAll(args);
        try {
            Path err = Files.createTempFile("ruxo-err", ".txt");
            Path out = stdout == null ? Files.createTempFile("ruxo-out", ".txt") : null;
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile())
                    .redirectOutput(stdout != null ? stdout : out.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the tool did not end within " + TIMEOUT_SECONDS + " s: " + command);
            }
            String o = out == null ? "" : Files.readString(out);
            return new Run(p.exitValue(), o, Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Run ruxo(String... args) {
        return run(JAR, null, List.of(args));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static String request(String patient, String orderExtra, String rest) {
        return """
                {"asOf":"2026-11-22","patient":{%s},
                 "order":{"indication":{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"L20.9"},
                          "bsaPercent":10,"quantityGrams":60,"daysSupply":7,"priorTopicalTherapy":"inadequate"%s}%s}
                """.formatted(patient, orderExtra, rest);
    }

    private static final String ADULT = "\"birthDate\":\"1988-03-14\"";

    private static String siteRule(String when, String then) {
        return """
                package site.rules;
                import dev.ruxo.rules.drools.facts.*;
                global dev.ruxo.rules.drools.facts.Findings findings;
                rule "Site rule"
                    @ruleId("RUXO-SITE-RULE") @category("DATA") @severity("INFO") @section("policy") @revision("2025-09")
                    @title("a site rule")
                when
                    %s
                then
                    %s
                end
                """.formatted(when, then);
    }

    // --- item 13: the packaged verify can report a failing scenario (AssertJ is in lib/)

    @Test
    void verifyReportsAFailingScenarioFromThePackagedJar() throws IOException {
        write("scenarios/wrong.json", """
                {"description":"expects the wrong decision","request":%s,
                 "expect":{"decision":"STOP","findings":[]}}
                """.formatted(request(ADULT, "", "")));
        Run run = ruxo("verify", "--scenarios", dir.resolve("scenarios").toString());
        assertThat(run.status()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  wrong.json").contains("0 passed, 1 failed");
        assertThat(run.out() + run.err()).doesNotContain("NoClassDefFoundError", "ClassNotFoundException", "\tat ");
    }

    @Test
    void verifyPassesTheRepositoryScenarios() {
        Run run = ruxo("verify", "--scenarios", REPO.resolve("scenarios").toString());
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("\\d+ passed, 0 failed");
    }

    // --- items 1, 2, 3: silent PROCEEDs closed, as a user meets them

    @Test
    void aSecondRouteWordStopsTheOrder() throws IOException {
        Path f = write("route.json", request(ADULT, ",\"route\":\"topical, ophthalmic\"", ""));
        Run run = ruxo("check", f.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("STOP").contains("RUXO-DOSE-ROUTE");
    }

    @Test
    void aPlaceholderBirthDateIsRejected() throws IOException {
        Path f = write("old.json", request("\"birthDate\":\"0001-01-01\"", "", ""));
        Run run = ruxo("check", "--format", "json", f.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("INVALID_REQUEST").contains("patient.birthDate").contains("130");
    }

    @Test
    void aMisspeltFieldIsAWarningAndStrictModeRejectsIt() throws IOException {
        Path f = write("typo.json", request(ADULT + ",\"breastFeeding\":true", "",
                ",\"medication\":[{\"display\":\"tofacitinib\",\"route\":\"oral\"}]"));
        Run lenient = ruxo("check", f.toString());
        assertThat(lenient.status()).isZero();
        assertThat(lenient.out()).startsWith("REVIEW").contains("RUXO-DATA-UNKNOWN-FIELDS");
        Run json = ruxo("check", "--format", "json", f.toString());
        assertThat(json.out()).contains("medication (probably medications)")
                .contains("patient.breastFeeding (probably patient.breastfeeding)");
        Run strict = ruxo("check", "--strict", "--format", "json", f.toString());
        assertThat(strict.status()).isEqualTo(2);
        assertThat(strict.out()).contains("\"field\":\"medication\"").contains("did you mean medications?");
    }

    // --- item 5: a rules folder is code; unsafe rules are refused; exit 0 only for a finished run

    @Test
    void helpSaysARulesFolderIsCode() {
        assertThat(ruxo("--help").out()).contains("A rules folder (--rules DIR) is code");
        assertThat(ruxo("check", "--help").out()).contains("--allow-unsafe-rules").contains("is code");
        assertThat(ruxo("verify", "--help").out()).contains("--allow-unsafe-rules");
    }

    @Test
    void aRuleCallingSystemExitIsRefusedAndWhenAllowedCannotExitZero() throws IOException {
        write("rules/exit.drl", siteRule("OrderFact()", "System.exit(0);"));
        Path f = write("a.json", request(ADULT, "", ""));
        Run refused = ruxo("check", "--rules", dir.resolve("rules").toString(), f.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("exit.drl:10:").contains("--allow-unsafe-rules");
        assertThat(refused.out()).isEmpty();

        Run allowed = ruxo("check", "--rules", dir.resolve("rules").toString(), "--allow-unsafe-rules", f.toString());
        assertThat(allowed.status()).as("a run ended by a rule must not say 'assessed'").isNotZero();
        assertThat(allowed.err()).contains("ended before it finished");
        assertThat(allowed.decisionLines()).isEmpty();
    }

    // --- item 6: a rules folder entry that cannot be loaded is reported with its path

    @Test
    void aDataFileInTheWrongCaseIsAnErrorWithItsPath() throws IOException {
        write("rules/parameters.CSV", "id,value,unit,section,revision,verified,description\n");
        Path f = write("a.json", request(ADULT, "", ""));
        Run run = ruxo("check", "--rules", dir.resolve("rules").toString(), f.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains(dir.resolve("rules/parameters.CSV").toString()).contains("parameters.csv");
        assertThat(run.decisionLines()).isEmpty();
    }

    // --- item 7: loosening a label limit is reported by verify and catalog

    @Test
    void aLoosenedLabelLimitIsReportedByVerifyAndCatalog() throws IOException {
        write("rules/parameters.csv", "id,value,unit,section,revision,verified,description\n"
                + "AD_MAX_BSA_PERCENT,30,percent BSA,2.1,2025-09,true,site limit\n");
        Run verify = ruxo("verify", "--rules", dir.resolve("rules").toString());
        assertThat(verify.status()).isZero();
        assertThat(verify.out()).contains("warning: ").contains("AD_MAX_BSA_PERCENT = 30 loosens a label limit");
        Run catalog = ruxo("catalog", "--rules", dir.resolve("rules").toString());
        assertThat(catalog.out()).contains("Label limits loosened");
        write("rules/parameters.csv", "id,value,unit,section,revision,verified,description\n"
                + "QUANTITY_WINDOW_DAYS,0,days,2,2025-09,true,switches the check off\n");
        Run zero = ruxo("verify", "--rules", dir.resolve("rules").toString());
        assertThat(zero.status()).isEqualTo(1);
        assertThat(zero.err()).contains("parameters.csv:2:").contains("between 1 and 365");
    }

    // --- items 8, 9, 16: failures inside the engine are errors, never PROCEED, and never echo patient text

    @Test
    void aLoopingRuleIsAnErrorNotAHang() throws IOException {
        write("rules/loop.drl", siteRule("$o : OrderFact()", "update($o);"));
        Path f = write("a.json", request(ADULT, "", ""));
        Run run = ruxo("check", "--rules", dir.resolve("rules").toString(), f.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("ERROR").doesNotContain("PROCEED");
    }

    @Test
    void aFailureNeverPrintsPatientText() throws IOException {
        write("rules/parse.drl", siteRule("$m : MedicationFact()", "Integer.parseInt($m.text());"));
        Path f = write("a.json", request(ADULT, "", ",\"medications\":[{\"display\":\"ZZMED Jane Doe\"}]"));
        Run run = ruxo("check", "--rules", dir.resolve("rules").toString(), f.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("ERROR");
        assertThat(run.out() + run.err()).doesNotContain("Jane");
    }

    // --- item 14: say what is wrong and where

    @Test
    void aByteOrderMarkIsAcceptedAndInvalidUtf8NamesTheFileAndLine() throws IOException {
        write("rules/parameters.csv", "\uFEFFid,value,unit,section,revision,verified,description\n"
                + "AD_MAX_BSA_PERCENT,15,percent BSA,2.1,2025-09,true,site limit\n");
        Run bom = ruxo("verify", "--rules", dir.resolve("rules").toString());
        assertThat(bom.status()).as(bom.err()).isZero();
        Files.delete(dir.resolve("rules/parameters.csv"));
        Path drl = dir.resolve("rules/bad.drl");
        Files.write(drl, ("package site.rules;\n// caf" + "\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        Run bad = ruxo("verify", "--rules", dir.resolve("rules").toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains(drl + ":2:").contains("not valid UTF-8");
    }

    @Test
    void aMissingJarOrLibFolderIsNamedAsSuch() throws IOException {
        Path copy = dir.resolve("tool");
        Files.createDirectories(copy.resolve("lib"));
        Files.copy(JAR, copy.resolve(JAR.getFileName()));
        try (Stream<Path> libs = Files.list(JAR.resolveSibling("lib"))) {
            for (Path lib : libs.toList()) {
                if (!lib.getFileName().toString().startsWith("drools-core")) {
                    Files.copy(lib, copy.resolve("lib").resolve(lib.getFileName()));
                }
            }
        }
        Path f = write("a.json", request(ADULT, "", ""));
        Run oneJarMissing = run(copy.resolve(JAR.getFileName()), null, List.of("check", f.toString()));
        assertThat(oneJarMissing.status()).isEqualTo(1);
        assertThat(oneJarMissing.err()).contains("a jar in " + copy.resolve("lib")).doesNotContain("\tat ");
        try (Stream<Path> all = Files.walk(copy.resolve("lib"))) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Run noLib = run(copy.resolve(JAR.getFileName()), null, List.of("check", f.toString()));
        assertThat(noLib.status()).isEqualTo(1);
        assertThat(noLib.err()).contains("the folder " + copy.resolve("lib") + " is missing");
    }

    // --- item 15: results that cannot be written never exit 0

    @Test
    void aFullDiskExitsNonZero() throws IOException {
        File full = new File("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(full.exists(), "this system has no /dev/full");
        Path f = write("a.json", request(ADULT, "", ""));
        Run run = run(JAR, full, List.of("check", f.toString()));
        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("could not be written");
    }

    @Test
    void aClosedPipeExitsNonZero() throws Exception {
        Path f = write("a.json", request(ADULT, "", ""));
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString(), "check"));
        for (int i = 0; i < 200; i++) {
            command.add(f.toString());
        }
        Path err = Files.createTempFile("ruxo-err", ".txt");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        InputStream out = p.getInputStream();
        out.close();
        assertThat(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(Files.readString(err)).contains("could not be written");
    }

    // --- item 17: echoed values cannot print fake lines

    @Test
    void controlCharactersInNamesAndTextsCannotPrintAFakeDecision() throws IOException {
        Path f = write("evil\nPROCEED  fake.json", request(ADULT, ",\"route\":\"topical\\nPROCEED  x\"",
                ",\"medications\":[{\"display\":\"x\\r\\nPROCEED  all clear\\u001b[2K\"}]"));
        Run run = ruxo("check", f.toString());
        assertThat(run.decisionLines()).hasSize(1).allSatisfy(l -> assertThat(l).startsWith("STOP"));
        assertThat(run.out()).doesNotContain("\u001b").doesNotContain("\r");
    }
}
