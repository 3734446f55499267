package dev.ruxo.rules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {

    @Test
    void committedCatalogueIsUpToDate() throws IOException {
        String committed = Files.readString(Path.of("..", "docs", "rule-catalogue.md"));
        assertThat(committed)
                .as("docs/rule-catalogue.md is out of date: run "
                        + "java -jar ruxo-rules-cli/target/ruxo-rules-cli.jar catalog --output docs/rule-catalogue.md")
                .isEqualTo(RuleCatalogue.markdown(TestEngine.engine()));
    }

    @Test
    void catalogueListsThresholdsAndMarksUnverifiedRules() {
        String md = RuleCatalogue.markdown(TestEngine.engine());
        assertThat(md).contains("| `RUXO-DOSE-BSA-AD` | CRITICAL |").contains("`AD_MAX_BSA_PERCENT` = 20 percent BSA")
                .containsPattern("`RUXO-DOSE-QTY-PED-MAX` \\| WARNING, CRITICAL once verified .*\\*\\*no\\*\\*: "
                        + "`PEDIATRIC_MAX_GRAMS_PER_WINDOW` unverified")
                .containsPattern("`RUXO-DDI-CYP3A4-STRONG` .*\\*\\*no\\*\\*: rule rests on an unverified fact");
    }

    @Test
    void everyParameterIsUsedByARuleAndNoValueSetIsUnused() {
        assertThat(TestEngine.engine().knowledgeBaseWarnings()).isEmpty();
    }
}
