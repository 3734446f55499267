package dev.ruxo.rules.drools.properties;

import static dev.ruxo.rules.drools.properties.PropertySupport.check;
import static dev.ruxo.rules.drools.properties.PropertySupport.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.testkit.Generators;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** Every assessment is well formed, whatever the request; and no valid request makes the engine throw. */
class ConsistencyPropertyTest {

    @Test
    void anyGeneratedRequestIsAssessedWithoutException() {
        qt(2000).forAll(Generators.requests()).checkAssert(request ->
                assertThatCode(() -> assertThat(check(request)).isNotNull()).doesNotThrowAnyException());
    }

    @Test
    void theDecisionIsTheOneTheHighestSeverityForces() {
        qt(1500).forAll(Generators.requests()).checkAssert(request -> {
            Assessment a = check(request);
            boolean critical = a.findings().stream().anyMatch(f -> f.severity() == Severity.CRITICAL);
            boolean warning = a.findings().stream().anyMatch(f -> f.severity() == Severity.WARNING);
            Decision expected = critical ? Decision.STOP : warning ? Decision.REVIEW : Decision.PROCEED;
            assertThat(a.decision()).as("%s", a).isEqualTo(expected);
        });
    }

    @Test
    void everyFindingIsCompleteAndNoneIsRepeated() {
        qt(1500).forAll(Generators.requests()).checkAssert(request -> {
            Assessment a = check(request);
            for (Finding f : a.findings()) {
                assertThat(f.ruleId()).as("%s", f).isNotBlank().startsWith("RUXO-");
                assertThat(f.category()).as("%s", f).isNotNull();
                assertThat(f.severity()).as("%s", f).isNotNull();
                assertThat(f.source()).as("%s", f).isNotNull();
                assertThat(f.source().section()).as("%s", f).isNotBlank();
                assertThat(f.source().revision()).as("%s", f).isNotBlank();
                assertThat(f.summary()).as("%s", f).isNotBlank().hasSizeLessThanOrEqualTo(140);
            }
            assertThat(new HashSet<>(a.findings())).as("%s", a).hasSameSizeAs(a.findings());
        });
    }
}
