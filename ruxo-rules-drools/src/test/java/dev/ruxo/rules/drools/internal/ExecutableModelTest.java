package dev.ruxo.rules.drools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

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
        index.setProperty("drlSha256", ExecutableModel.fingerprint(drl));
        index.setProperty("droolsVersion", "10.2.0");
        assertThat(ExecutableModel.unusable(index, drl, "10.2.0")).isNull();
        assertThat(ExecutableModel.unusable(index, drl, "10.3.0")).contains("Drools 10.2.0, not 10.3.0");
        assertThat(ExecutableModel.unusable(index, drl, null)).isNotNull();
        index.setProperty("drlSha256", ExecutableModel.fingerprint(Map.of("a.drl", "x")));
        assertThat(ExecutableModel.unusable(index, drl, "10.2.0")).contains("DRL differs");
    }

    @Test
    void theFingerprintIgnoresOrderButNotNamesOrText() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a.drl", "x");
        ab.put("b.drl", "y");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b.drl", "y");
        ba.put("a.drl", "x");
        assertThat(ExecutableModel.fingerprint(ab)).isEqualTo(ExecutableModel.fingerprint(ba));
        assertThat(ExecutableModel.fingerprint(Map.of("a.drl", "xy"))).isNotEqualTo(
                ExecutableModel.fingerprint(Map.of("a.drlx", "y")));
    }
}
