package com.example.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application module that {@code requires dev.ruxo.rules.api} runs on the module path, with the engine jar and
 * exactly its runtime dependencies and no {@code --add-modules}: the README's quick start as written, and a site's
 * rules folder compiled at start (which needs the DRL compiler among those dependencies). Runs the packaged jars in a
 * fresh JVM, as an integrator's build would.
 */
class ModulePathTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path ENGINE = REPO.resolve("ruxo-rules-drools/target");

    private static final String SITE_RULES = """
            package com.example.siterules;

            import dev.ruxo.rules.Assessment;
            import dev.ruxo.rules.CheckEngine;
            import dev.ruxo.rules.CheckRequest;
            import dev.ruxo.rules.Coding;
            import dev.ruxo.rules.Order;
            import dev.ruxo.rules.Patient;
            import dev.ruxo.rules.drools.DroolsCheckEngine;
            import java.nio.file.Path;
            import java.time.LocalDate;

            public class SiteRules {
                public static void main(String[] args) {
                    CheckEngine engine = DroolsCheckEngine.builder().rulesFolder(Path.of(args[0])).build();
                    CheckRequest request = CheckRequest.builder().asOf(LocalDate.of(2026, 11, 22))
                            .patient(Patient.builder().birthDate(LocalDate.of(1990, 4, 2)).build())
                            .order(Order.builder().indication(Coding.icd10cm("L20.9", "Atopic dermatitis"))
                                    .bsaPercent(10).quantityGrams(200).daysSupply(28).build())
                            .build();
                    Assessment assessment = engine.check(request);
                    System.out.println(assessment.decision() + " " + assessment.findings().stream()
                            .map(f -> f.ruleId()).toList());
                }
            }
            """;

    private static List<Path> runtime;
    private static Path quickStart;
    private static Path siteRules;

    @BeforeAll
    static void compileTheApplicationModules(@TempDir Path work) throws IOException {
        runtime = engineAndItsRuntimeDependencies();
        // the module of docs/integrating.md, which requires only the API, with the README's quick start
        quickStart = compile(work.resolve("quickstart"), "com/example/quickstart/QuickStart.java", readmeQuickStart());
        siteRules = compile(work.resolve("siterules"), "com/example/siterules/SiteRules.java", SITE_RULES);
    }

    private static Path compile(Path work, String file, String source) throws IOException {
        Path sources = work.resolve("src");
        Path java = sources.resolve(file);
        Files.createDirectories(java.getParent());
        Files.copy(Path.of("src/test/resources/module-path", work.getFileName().toString(), "module-info.java"),
                sources.resolve("module-info.java"));
        Files.writeString(java, source);
        Path classes = work.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                "--module-path", path(runtime), sources.resolve("module-info.java").toString(), java.toString()));
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac " + file).isZero();
        return classes;
    }

    @Test
    void theReadmeQuickStartRunsOnTheModulePathWithoutExtraFlags() throws Exception {
        Run run = java(quickStart, "com.example.quickstart/com.example.quickstart.QuickStart");
        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).startsWith("STOP").contains("CRITICAL RUXO-DOSE-BSA-AD", "CRITICAL RUXO-DDI-BIOLOGIC");
        assertThat(run.err).doesNotContain("Exception").doesNotContain("No SLF4J providers");
    }

    @Test
    void aRulesFolderCompilesOnTheModulePathWithOnlyTheRuntimeDependencies(@TempDir Path folder) throws Exception {
        // the site rule and its parameter of docs/authoring-rules.md, as that page writes them
        String doc = Files.readString(REPO.resolve("docs/authoring-rules.md"));
        for (String file : List.of("parameters.csv", "site.drl")) {
            Matcher block = Pattern.compile("<!-- file: site-rules/" + Pattern.quote(file) + " -->\\n```\\w*\\n(.*?)```",
                    Pattern.DOTALL).matcher(doc);
            assertThat(block.find()).as(file + " in docs/authoring-rules.md").isTrue();
            Files.writeString(folder.resolve(file), block.group(1));
        }
        Run run = java(siteRules, "com.example.siterules/com.example.siterules.SiteRules", folder.toString());
        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).contains("RUXO-SITE-LARGE-FILL");
        assertThat(run.err).doesNotContain("Exception");
    }

    /** The README's Java block, which is also ruxo-rules-examples/src/main/java/.../QuickStart.java. */
    private static String readmeQuickStart() throws IOException {
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(REPO.resolve("README.md")));
        assertThat(block.find()).isTrue();
        return block.group(1);
    }

    /** The engine jar and the jars its runtime-dependency list names (the build writes both before these tests). */
    private static List<Path> engineAndItsRuntimeDependencies() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(ENGINE)) {
            files.filter(f -> f.getFileName().toString().matches("ruxo-rules-drools-[^-]+(-SNAPSHOT)?\\.jar"))
                    .forEach(jars::add);
        }
        assertThat(jars).as("the packaged engine in %s", ENGINE).hasSize(1);
        Matcher jar = Pattern.compile(":(/[^ ]+\\.jar)").matcher(
                Files.readString(ENGINE.resolve("runtime-dependencies.txt")));
        while (jar.find()) {
            jars.add(Path.of(jar.group(1)));
        }
        assertThat(jars).as("the engine's runtime dependencies").hasSizeGreaterThan(10)
                .noneMatch(p -> p.getFileName().toString().startsWith("drools-model-codegen"));
        // the SLF4J provider an application adds, to show that logging binds on the module path too
        jars.add(Path.of(org.slf4j.simple.SimpleServiceProvider.class.getProtectionDomain().getCodeSource()
                .getLocation().getPath()));
        return jars;
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run java(Path application, String module, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "--module-path",
                application + File.pathSeparator + path(runtime), "-m", module));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        var out = process.getInputStream();
        var err = process.getErrorStream();
        var outText = new java.util.concurrent.CompletableFuture<String>();
        var errText = new java.util.concurrent.CompletableFuture<String>();
        new Thread(() -> outText.complete(read(out))).start();
        new Thread(() -> errText.complete(read(err))).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the module-path run did not end within 120 s");
        }
        return new Run(process.exitValue(), outText.get(10, TimeUnit.SECONDS), errText.get(10, TimeUnit.SECONDS));
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String path(List<Path> jars) {
        return String.join(File.pathSeparator, jars.stream().map(Path::toString).toList());
    }
}
