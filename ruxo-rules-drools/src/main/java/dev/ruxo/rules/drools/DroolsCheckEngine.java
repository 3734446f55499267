package dev.ruxo.rules.drools;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckFailedException;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.KnowledgeBaseInfo;
import dev.ruxo.rules.RequestValidation;
import dev.ruxo.rules.RuleMessage;
import dev.ruxo.rules.drools.facts.Findings;
import dev.ruxo.rules.drools.internal.CompiledKnowledgeBase;
import dev.ruxo.rules.drools.internal.FactBuilder;
import dev.ruxo.rules.drools.internal.KnowledgeBaseFiles;
import dev.ruxo.rules.drools.internal.KnowledgeBaseLoader;
import dev.ruxo.rules.drools.internal.RuleMeta;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks orders with the Drools knowledge base. Building loads the knowledge base once: from {@code main} to the
 * first assessment in a fresh JVM, about 0.6 to 1 s for the built-in rules, which the jar carries precompiled, and
 * about 1.7 to 3.3 s when a rules folder changes the DRL, which is then compiled. Each {@link #check} then runs a
 * stateless session against the shared, immutable knowledge base, so one engine serves any number of threads.
 * Nothing is static and mutable, and nothing about a patient is logged.
 *
 * <pre>{@code
 * CheckEngine engine = DroolsCheckEngine.builder().build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DroolsCheckEngine implements CheckEngine {

    private static final Logger LOG = LoggerFactory.getLogger(DroolsCheckEngine.class);
    private static final String FINDINGS_GLOBAL = "findings";

    private final CompiledKnowledgeBase kb;
    private final SessionPool sessions;
    private final FactBuilder facts;
    private final Clock clock;
    private final AgendaEventListener firingListener;

    private DroolsCheckEngine(CompiledKnowledgeBase kb, Clock clock, Consumer<String> onRuleFired) {
        this.kb = kb;
        // Sessions are reset and reused rather than built for every check: Drools clears a pooled session's facts,
        // agenda, node memories and listeners when it is returned. It keeps the last global until the next check sets
        // it, so check() empties that sink; a failed check retires the pool. The pool grows to the number of threads
        // checking at once.
        this.sessions = new SessionPool(kb.kieBase());
        this.facts = new FactBuilder(kb);
        this.clock = clock;
        this.firingListener = onRuleFired == null ? null : new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                RuleMeta meta = kb.rules().get(event.getMatch().getRule().getName());
                onRuleFired.accept(meta == null ? event.getMatch().getRule().getName() : meta.ruleId());
            }
        };
    }

    /**
     * A builder for an engine with the built-in US knowledge base.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Assessment check(CheckRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now(clock);
        RequestValidation.requireValid(request, asOf);
        long start = System.nanoTime();
        Findings sink = new Findings(kb.rules(), kb.labelTitle(), kb.labelUrl());
        List<Finding> found;
        SessionPool.Lease lease = sessions.acquire();
        try {
            List<Object> input = facts.facts(request, asOf);
            StatelessKieSession session = lease.session();
            if (firingListener != null) {
                session.addEventListener(firingListener);
            }
            session.setGlobal(FINDINGS_GLOBAL, sink);
            session.execute(input);
            found = sink.list();
        } catch (RuntimeException e) {
            // A failed session can still hold this check's facts: no later check may get it.
            sessions.retire(lease);
            // The message names the failure's type only: Drools messages can quote fact values.
            LOG.error("Check failed inside the rule engine ({}); no assessment was produced",
                    e.getClass().getName());
            throw new CheckFailedException("The rule engine failed (" + e.getClass().getSimpleName()
                    + "); the order was not checked", e);
        } finally {
            sink.clear();
            sessions.release(lease);
        }
        Assessment assessment = Assessment.of(found, kb.info());
        if (LOG.isDebugEnabled()) {
            LOG.debug("Checked an order in {} µs: {} with {} findings", (System.nanoTime() - start) / 1000,
                    assessment.decision(), assessment.findings().size());
        }
        return assessment;
    }

    @Override
    public KnowledgeBaseInfo knowledgeBase() {
        return kb.info();
    }

    /**
     * What a rule author should look at although the knowledge base compiled: parameters and value sets no rule uses.
     *
     * @return the warnings, each with its file
     */
    public List<RuleMessage> knowledgeBaseWarnings() {
        return kb.warnings();
    }

    /** Builds a {@link DroolsCheckEngine}. */
    public static final class Builder {
        private Clock clock = Clock.systemDefaultZone();
        private KnowledgeBaseFiles files;
        private Path rulesFolder;
        private Consumer<String> onRuleFired;
        private boolean usePrecompiled = true;

        private Builder() {
        }

        /**
         * The clock that gives "today" for requests without {@code asOf}; the system clock by default.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock must not be null");
            return this;
        }

        /**
         * Extends the built-in knowledge base with a folder of rules and data files, or replaces it when the folder
         * holds its own {@code knowledge-base.properties}. The folder is read at each {@link #build()}, so a
         * {@link ReloadingCheckEngine} picks up its changes. See docs/authoring-rules.md for what the folder holds.
         *
         * @param folder the folder
         * @return this builder
         */
        public Builder rulesFolder(Path folder) {
            this.rulesFolder = Objects.requireNonNull(folder, "folder must not be null");
            this.files = null;
            return this;
        }

        /**
         * Calls {@code listener} with the rule id each time a rule fires, for audit trails, metrics or rule coverage.
         * It is called on the checking thread, so it must be thread safe and quick; it receives no patient data.
         *
         * @param listener receives rule ids
         * @return this builder
         */
        public Builder onRuleFired(Consumer<String> listener) {
            this.onRuleFired = Objects.requireNonNull(listener, "listener must not be null");
            return this;
        }

        /** Compiles the DRL even where precompiled rules exist; for tests that compare the two. */
        Builder compileDrl() {
            this.usePrecompiled = false;
            return this;
        }

        /** Replaces the knowledge base with these files; for tests. */
        Builder files(KnowledgeBaseFiles value) {
            this.files = Objects.requireNonNull(value, "files must not be null");
            this.rulesFolder = null;
            return this;
        }

        /**
         * Loads the knowledge base (the precompiled rules, or the DRL compiled now) and returns the engine.
         *
         * @return the engine
         * @throws dev.ruxo.rules.RuleCompilationException listing every problem, each with file and line
         */
        public DroolsCheckEngine build() {
            long start = System.nanoTime();
            KnowledgeBaseFiles source = files != null ? files
                    : rulesFolder != null ? KnowledgeBaseFiles.withFolder(rulesFolder) : KnowledgeBaseFiles.builtIn();
            CompiledKnowledgeBase kb = KnowledgeBaseLoader.load(source, usePrecompiled);
            LOG.info("Knowledge base {} {} built: {} rules in {} ms ({})", kb.info().jurisdiction(),
                    kb.info().version(), kb.rules().size(), (System.nanoTime() - start) / 1_000_000,
                    kb.precompiled() ? "precompiled rules" : "DRL compiled now");
            return new DroolsCheckEngine(kb, clock, onRuleFired);
        }

        /**
         * Builds an engine that can be rebuilt from changed files while it serves.
         *
         * @return the engine, serving the knowledge base built now
         * @throws dev.ruxo.rules.RuleCompilationException when the first build fails
         */
        public ReloadingCheckEngine buildReloading() {
            return new ReloadingCheckEngine(this, build());
        }
    }

    CompiledKnowledgeBase compiled() {
        return kb;
    }
}
