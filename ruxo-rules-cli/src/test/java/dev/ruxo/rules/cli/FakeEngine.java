package dev.ruxo.rules.cli;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Category;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckFailedException;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.KnowledgeBaseInfo;
import dev.ruxo.rules.RequestValidation;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.Source;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A stand-in engine for testing the tool without the knowledge base: a treated area above 20% is CRITICAL, anything
 * else gets one INFO finding, and the route word {@code explode} makes the engine fail.
 */
final class FakeEngine implements CheckEngine {

    static final KnowledgeBaseInfo KB = new KnowledgeBaseInfo("fake-kb-1", "US", "2025-09");
    static final String FAILING_ROUTE = "explode";

    private static final Source LABEL = new Source("Opzelura US Prescribing Information", "2.1", "2025-09", null, true);

    @Override
    public Assessment check(CheckRequest request) {
        RequestValidation.requireValid(request, LocalDate.of(2026, 11, 22));
        if (FAILING_ROUTE.equals(request.order().route())) {
            throw new CheckFailedException("rule evaluation failed in RUXO-DOSE-BSA-AD",
                    new IllegalStateException("boom"));
        }
        BigDecimal bsa = request.order().bsaPercent();
        if (bsa != null && bsa.compareTo(BigDecimal.valueOf(20)) > 0) {
            return Assessment.of(List.of(new Finding("RUXO-DOSE-BSA-AD", Category.DOSING, Severity.CRITICAL,
                    "Treated area " + bsa.toPlainString() + "% exceeds the 20% BSA limit for atopic dermatitis",
                    null, LABEL, true)), KB);
        }
        return Assessment.of(List.of(new Finding("RUXO-MON-INFO", Category.MONITORING, Severity.INFO,
                "Counsel on the boxed warning", "detail", LABEL, false)), KB);
    }

    @Override
    public KnowledgeBaseInfo knowledgeBase() {
        return KB;
    }
}
