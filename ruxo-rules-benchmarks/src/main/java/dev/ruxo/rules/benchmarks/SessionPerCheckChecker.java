package dev.ruxo.rules.benchmarks;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckFailedException;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.KnowledgeBaseInfo;
import dev.ruxo.rules.RequestValidation;
import dev.ruxo.rules.drools.facts.Findings;
import dev.ruxo.rules.drools.internal.CompiledKnowledgeBase;
import dev.ruxo.rules.drools.internal.FactBuilder;
import dev.ruxo.rules.drools.internal.KnowledgeBaseFiles;
import dev.ruxo.rules.drools.internal.KnowledgeBaseLoader;
import java.time.LocalDate;
import java.util.Objects;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The check of {@code DroolsCheckEngine}, step for step, with one change: every check builds a new stateless session
 * from the knowledge base, where the engine takes a reset one from a {@code KieSessionsPool}. This was the engine's
 * strategy before the pool; it stays here so docs/performance.md can show what the pool saves, measured in the same
 * run, and {@code SessionPerCheckAgreementTest} checks that both strategies give identical assessments.
 */
public final class SessionPerCheckChecker implements CheckEngine {

    private final CompiledKnowledgeBase kb;
    private final FactBuilder facts;

    private SessionPerCheckChecker(CompiledKnowledgeBase kb) {
        this.kb = kb;
        this.facts = new FactBuilder(kb);
    }

    /**
     * A checker over the built-in US knowledge base.
     *
     * @return the checker
     */
    public static SessionPerCheckChecker builtIn() {
        return new SessionPerCheckChecker(KnowledgeBaseLoader.load(KnowledgeBaseFiles.builtIn()));
    }

    @Override
    public Assessment check(CheckRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now();
        RequestValidation.requireValid(request, asOf);
        Findings sink = new Findings(kb.rules(), kb.labelTitle(), kb.labelUrl());
        try {
            StatelessKieSession session = kb.kieBase().newStatelessKieSession();
            session.setGlobal("findings", sink);
            session.execute(facts.facts(request, asOf));
        } catch (RuntimeException e) {
            throw new CheckFailedException("The rule engine failed (" + e.getClass().getSimpleName()
                    + "); the order was not checked", e);
        }
        return Assessment.of(sink.list(), kb.info());
    }

    @Override
    public KnowledgeBaseInfo knowledgeBase() {
        return kb.info();
    }
}
