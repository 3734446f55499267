package dev.ruxo.rules.drools.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ruxo.rules.drools.facts.Findings;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;

/** The precompiled rules are used for exactly the DRL they were compiled from, and for nothing else. */
class ExecutableModelTest {

    private static Map<String, String> builtInDrl() {
        Map<String, String> drl = new LinkedHashMap<>();
        KnowledgeBaseFiles.builtIn().drl().forEach(f -> drl.put(f.name(), f.content()));
        return drl;
    }

    @Test
    void theBuiltInDrlLoadsPrecompiled() {
        assertThat(ExecutableModel.load(builtInDrl())).isNotNull();
    }

    @Test
    void aOneCharacterEditToAnyFileMeansTheDrlIsCompiledInstead() {
        Map<String, String> builtIn = builtInDrl();
        for (String name : builtIn.keySet()) {
            Map<String, String> edited = new LinkedHashMap<>(builtIn);
            edited.put(name, builtIn.get(name).replaceFirst("> \\$limit", ">= \\$limit") + " ");
            assertThat(ExecutableModel.load(edited)).as(name).isNull();
        }
    }

    @Test
    void anAddedOrRenamedFileMeansTheDrlIsCompiledInstead() {
        Map<String, String> added = new LinkedHashMap<>(builtInDrl());
        added.put("site.drl", "package site;\n");
        assertThat(ExecutableModel.load(added)).isNull();

        Map<String, String> renamed = new LinkedHashMap<>();
        builtInDrl().forEach((name, text) -> renamed.put("x-" + name, text));
        assertThat(ExecutableModel.load(renamed)).isNull();
    }

    @Test
    void classesCompiledForAnotherDroolsVersionAreNotUsed() {
        Map<String, String> drl = builtInDrl();
        Properties index = new Properties();
        index.setProperty("sourcesSha256", ExecutableModel.fingerprint(drl));
        index.setProperty("droolsVersion", "10.2.0");
        assertThat(ExecutableModel.unusable(index, drl, "10.2.0")).isNull();
        assertThat(ExecutableModel.unusable(index, drl, "10.3.0")).contains("Drools 10.2.0, not 10.3.0");
        assertThat(ExecutableModel.unusable(index, drl, "kie-api 10.2.0, drools-core 10.3.0")).isNotNull();
        assertThat(ExecutableModel.unusable(index, drl, null)).isNotNull();
        index.setProperty("sourcesSha256", ExecutableModel.fingerprint(Map.of("a.drl", "x")));
        assertThat(ExecutableModel.unusable(index, drl, "10.2.0")).contains("differ");
    }

    @Test
    void theDroolsJarsOnTheClassPathAgreeOnOneVersion() {
        assertThat(ExecutableModel.droolsVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void theFingerprintCoversNamesTextsLoadOrderAndFactClasses() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a.drl", "x");
        ab.put("b.drl", "y");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b.drl", "y");
        ba.put("a.drl", "x");
        Map<String, byte[]> classes = Map.of("F", new byte[] {1, 2});
        assertThat(ExecutableModel.fingerprint(ab, classes)).isEqualTo(ExecutableModel.fingerprint(ab, classes));
        assertThat(ExecutableModel.fingerprint(ab, classes)).isNotEqualTo(ExecutableModel.fingerprint(ba, classes));
        assertThat(ExecutableModel.fingerprint(Map.of("a.drl", "xy"), classes)).isNotEqualTo(
                ExecutableModel.fingerprint(Map.of("a.drlx", "y"), classes));
        assertThat(ExecutableModel.fingerprint(ab, classes)).isNotEqualTo(
                ExecutableModel.fingerprint(ab, Map.of("F", new byte[] {1, 3})));
        assertThat(ExecutableModel.fingerprint(ab, classes)).isNotEqualTo(ExecutableModel.fingerprint(ab, Map.of()));
    }

    @Test
    void everyFactClassIsFingerprinted() throws Exception {
        Path facts = Path.of(Findings.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(Findings.class.getPackageName().replace('.', '/'));
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(facts)) {
            onDisk = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class"))
                    .filter(n -> !n.equals("package-info.class"))
                    .map(n -> Findings.class.getPackageName() + "." + n.substring(0, n.length() - ".class".length()))
                    .collect(Collectors.toSet());
        }
        assertThat(ExecutableModel.FACT_CLASSES.stream().map(Class::getName))
                .containsExactlyInAnyOrderElementsOf(onDisk);
    }

    @Test
    void anIndexNamingAMissingClassMeansTheDrlIsCompiledInstead(@TempDir Path root) throws Exception {
        Properties index = builtIndex();
        assertThat(index.getProperty("generatedClasses")).contains(index.getProperty("modelClasses"));
        index.setProperty("generatedClasses", index.getProperty("generatedClasses") + ",dev.ruxo.rules.kb.us.Gone");
        Path file = root.resolve(ExecutableModel.INDEX);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            index.store(out, null);
        }
        // The edited index comes first; the classes come from the normal class path through the parent.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()},
                getClass().getClassLoader()) {
            @Override
            public URL getResource(String name) {
                URL own = findResource(name);
                return own != null ? own : super.getResource(name);
            }
        }) {
            assertThat(ExecutableModel.load(builtInDrl(), loader)).isNull();
            assertThat(ExecutableModel.load(builtInDrl(), getClass().getClassLoader())).isNotNull();
        }
    }

    @Test
    void thePrecompiledRulesHaveTheDrlRulesAttributesAndLoadOrder() {
        // Rules of equal salience fire in load order, so both ways of loading must give the same order.
        assertThat(ExecutableModel.rules(loaded(true))).isEqualTo(ExecutableModel.rules(loaded(false)))
                .hasSizeGreaterThan(40);
    }

    private static KieBase loaded(boolean precompiled) {
        CompiledKnowledgeBase kb = KnowledgeBaseLoader.load(KnowledgeBaseFiles.builtIn(), precompiled);
        assertThat(kb.precompiled()).isEqualTo(precompiled);
        return kb.kieBase();
    }

    @Test
    void generatedClassesCallNoProjectClassOutsideTheFingerprint() throws Exception {
        Properties index = builtIndex();
        for (String name : index.getProperty("generatedClasses").split(",")) {
            assertThat(ExecutableModel.unfingerprintedClasses(classFile(name))).as(name).isEmpty();
        }
        // A class that calls into the engine's internals is caught.
        assertThat(ExecutableModel.unfingerprintedClasses(classFile(ExecutableModel.class.getName())))
                .contains("dev/ruxo/rules/drools/internal/KnowledgeBaseFiles")
                .doesNotContain("dev/ruxo/rules/drools/facts/Findings");
    }

    private static Properties builtIndex() throws Exception {
        Properties index = new Properties();
        try (InputStream in = ExecutableModelTest.class.getClassLoader().getResourceAsStream(ExecutableModel.INDEX)) {
            index.load(in);
        }
        return index;
    }

    private static byte[] classFile(String name) throws Exception {
        try (InputStream in = ExecutableModelTest.class.getClassLoader()
                .getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void theFilesAreJoinedInOrderWithOnePackageDeclaration() {
        Map<String, String> drl = new LinkedHashMap<>();
        drl.put("b.drl", "package p.q;\nrule \"B\" when then end\n");
        drl.put("a.drl", "// about a\npackage p.q\nrule \"A\" when then end\n");
        assertThat(ExecutableModel.inOneFile(drl))
                .isEqualTo("package p.q;\nrule \"B\" when then end\n\n// about a\n\nrule \"A\" when then end\n\n");
        drl.put("c.drl", "package other;\n");
        assertThatThrownBy(() -> ExecutableModel.inOneFile(drl)).hasMessageContaining("c.drl is in package other");
        assertThatThrownBy(() -> ExecutableModel.inOneFile(Map.of("d.drl", "rule \"D\" when then end")))
                .hasMessageContaining("d.drl declares no package");
    }
}
