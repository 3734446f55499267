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
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The check of {@code DroolsCheckEngine}, step for step, with one change: the stateless session comes from a
 * {@link KieSessionsPool}, so the session behind it (agenda, node and segment memories) is reset and reused instead of
 * built for every check. This is the measured recommendation of docs/performance.md, kept here so it can be
 * benchmarked and tested against the shipped engine without touching it; {@code PooledSessionAgreementTest} checks
 * that it gives identical assessments, on one thread and on four.
 */
public final class PooledSessionChecker implements CheckEngine {

    /** Sessions created up front; the pool grows beyond this on demand. */
    private static final int INITIAL_POOL_SIZE = 4;

    private final CompiledKnowledgeBase kb;
    private final FactBuilder facts;
    private final KieSessionsPool pool;

    private PooledSessionChecker(CompiledKnowledgeBase kb) {
        this.kb = kb;
        this.facts = new FactBuilder(kb);
        this.pool = kb.kieBase().newKieSessionsPool(INITIAL_POOL_SIZE);
    }

    /**
     * A checker over the built-in US knowledge base.
     *
     * @return the checker
     */
    public static PooledSessionChecker builtIn() {
        return new PooledSessionChecker(KnowledgeBaseLoader.load(KnowledgeBaseFiles.builtIn()));
    }

    @Override
    public Assessment check(CheckRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now();
        RequestValidation.requireValid(request, asOf);
        Findings sink = new Findings(kb.rules(), kb.labelTitle(), kb.labelUrl());
        try {
            StatelessKieSession session = pool.newStatelessKieSession();
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
