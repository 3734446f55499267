package dev.ruxo.rules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.drools.internal.KnowledgeBaseFiles;
import dev.ruxo.rules.drools.internal.KnowledgeBaseLoader;
import dev.ruxo.rules.drools.internal.RuleMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/clinical-rules.md names exactly the rules of the knowledge base, with their severities. */
class ClinicalRulesDocTest {

    @Test
    void everyRuleIsDocumentedAndEveryDocumentedRuleExists() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "clinical-rules.md"));
        var kb = KnowledgeBaseLoader.load(KnowledgeBaseFiles.builtIn());
        Set<String> inKb = new TreeSet<>();
        for (RuleMeta meta : kb.rules().values()) {
            inKb.add(meta.ruleId());
            assertThat(doc).as("table row of %s", meta.ruleId())
                    .containsPattern("\\| `" + Pattern.quote(meta.ruleId()) + "` \\| " + meta.severity() + "\\b");
        }
        Set<String> inDoc = new TreeSet<>();
        Matcher m = Pattern.compile("`(RUXO-[A-Z0-9-]+)`").matcher(doc);
        while (m.find()) {
            inDoc.add(m.group(1));
        }
        assertThat(inDoc).isEqualTo(inKb);
    }
}
