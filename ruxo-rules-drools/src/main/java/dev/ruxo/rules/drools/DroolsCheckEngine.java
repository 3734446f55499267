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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
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

    /** The default most rule firings in one check; a typical check fires about 20 rules. */
    public static final int DEFAULT_MAX_RULE_FIRINGS = 100_000;
    /** The default time budget of one check; a typical check takes about 20 µs. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(2);

    private final CompiledKnowledgeBase kb;
    private final SessionPool sessions;
    private final FactBuilder facts;
    private final Clock clock;
    private final Consumer<String> onRuleFired;
    private final RequestValidation.Limits limits;
    private final int maxRuleFirings;
    private final long budgetNanos;
    /** Runs the checks of a knowledge base with site DRL, whose consequences may not return; null otherwise. */
    private final ExecutorService isolated;

    private DroolsCheckEngine(CompiledKnowledgeBase kb, Builder builder) {
        this.kb = kb;
        // Sessions are reset and reused rather than built for every check: Drools clears a pooled session's facts,
        // agenda, node memories and listeners when it is returned. It keeps the last global until the next check sets
        // it, so check() empties that sink; a failed check retires the pool. The pool grows to the number of threads
        // checking at once.
        this.sessions = new SessionPool(kb.kieBase());
        this.facts = new FactBuilder(kb);
        this.clock = builder.clock;
        this.onRuleFired = builder.onRuleFired;
        this.limits = builder.limits;
        this.maxRuleFirings = builder.maxRuleFirings;
        this.budgetNanos = builder.timeBudget.toNanos();
        this.isolated = kb.siteDrl() ? Executors.newCachedThreadPool(new CheckThreads()) : null;
    }

    /**
     * A builder for an engine with the built-in US knowledge base.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Every check is bounded: at most {@link Builder#maxRuleFirings} rule firings and {@link Builder#timeBudget}
     * of time. A check that runs out of either, or fails in any other way inside the engine (an exception or an
     * {@link Error} in a rule), throws {@link CheckFailedException} and retires the engine's sessions; it never
     * returns a partial assessment.
     */
    @Override
    public Assessment check(CheckRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now(clock);
        RequestValidation.requireValid(request, asOf, limits);
        long start = System.nanoTime();
        List<Finding> found = isolated == null ? run(request, asOf, start) : runIsolated(request, asOf, start);
        Assessment assessment = Assessment.of(found, kb.info());
        if (LOG.isDebugEnabled()) {
            LOG.debug("Checked an order in {} µs: {} with {} findings", (System.nanoTime() - start) / 1000,
                    assessment.decision(), assessment.findings().size());
        }
        return assessment;
    }

    /** Runs the check on this thread; the budget is checked before every rule firing. */
    private List<Finding> run(CheckRequest request, LocalDate asOf, long start) {
        Findings sink = new Findings(kb.rules(), kb.labelTitle(), kb.labelUrl());
        Bounds bounds = new Bounds(start);
        SessionPool.Lease lease = sessions.acquire();
        try {
            List<Object> input = facts.facts(request, asOf);
            StatelessKieSession session = lease.session();
            session.addEventListener(bounds);
            session.setGlobal(FINDINGS_GLOBAL, sink);
            session.execute(input);
            if (bounds.exceeded != null) {
                throw new BudgetExceeded(bounds.exceeded);
            }
            return sink.list();
        } catch (Throwable e) {
            // Errors too (AssertionError, StackOverflowError, OutOfMemoryError in a rule): nothing may escape raw.
            // A failed session can still hold this check's facts: no later check may get it.
            sessions.retire(lease);
            if (bounds.exceeded != null) {
                // Drools may have wrapped the listener's exception; the bound is what happened.
                LOG.error("Check stopped: it {}; no assessment was produced", bounds.exceeded);
                throw new CheckFailedException("The check " + bounds.exceeded + "; the order was not checked", null);
            }
            throw failed(e);
        } finally {
            sink.clear();
            sessions.release(lease);
        }
    }

    /**
     * Runs the check on a worker thread and waits at most the time budget: a site rule's consequence can loop without
     * ever reaching the next firing, and ignore interrupts. The worker is interrupted and abandoned.
     */
    private List<Finding> runIsolated(CheckRequest request, LocalDate asOf, long start) {
        Future<List<Finding>> result;
        try {
            result = isolated.submit(() -> run(request, asOf, start));
        } catch (RejectedExecutionException e) {
            throw failed(e);
        }
        try {
            return result.get(Math.max(0, budgetNanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            // The worker still holds its session: retire the pool so that no later check shares it.
            sessions.retireCurrent();
            String what = "ran out of its time budget of " + budgetText();
            LOG.error("Check stopped: it {} inside a rule consequence, whose thread cannot be stopped and is "
                    + "abandoned; no assessment was produced", what);
            throw new CheckFailedException("The check " + what + "; the order was not checked", null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CheckFailedException failed) {
                throw failed;
            }
            throw failed(e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            sessions.retireCurrent();
            Thread.currentThread().interrupt();
            throw new CheckFailedException("The check was interrupted; the order was not checked", null);
        }
    }

    private String budgetText() {
        return budgetNanos >= 1_000_000 ? budgetNanos / 1_000_000 + " ms" : budgetNanos / 1000 + " µs";
    }

    /** Logs and wraps a failure, keeping its types and stack but no message: messages can quote request text. */
    private static CheckFailedException failed(Throwable e) {
        LOG.error("Check failed inside the rule engine ({}); no assessment was produced", e.getClass().getName());
        return new CheckFailedException("The rule engine failed (" + e.getClass().getSimpleName()
                + "); the order was not checked", EngineFailure.of(e));
    }

    /** The limits of one check, checked before each rule fires; also reports firings to the audit listener. */
    private final class Bounds extends DefaultAgendaEventListener {
        private final long start;
        private int firings;
        private volatile String exceeded;

        Bounds(long start) {
            this.start = start;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            if (exceeded != null) {
                return;
            }
            if (++firings > maxRuleFirings) {
                exceeded = "reached its limit of " + maxRuleFirings + " rule firings";
            } else if (System.nanoTime() - start > budgetNanos) {
                exceeded = "ran out of its time budget of " + budgetText();
            }
            if (exceeded != null) {
                event.getKieRuntime().halt();
                throw new BudgetExceeded(exceeded);
            }
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            if (onRuleFired != null) {
                RuleMeta meta = kb.rules().get(RuleMeta.key(event.getMatch().getRule()));
                onRuleFired.accept(meta == null ? event.getMatch().getRule().getName() : meta.ruleId());
            }
        }
    }

    /** Thrown inside the session when a check runs out of its bounds. */
    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded(String message) {
            super(message, null, false, false);
        }
    }

    /** Daemon worker threads for checks with site DRL. */
    private static final class CheckThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread t = new Thread(task, "ruxo-rules-check-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
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
        private RequestValidation.Limits limits = RequestValidation.Limits.defaults();
        private int maxRuleFirings = DEFAULT_MAX_RULE_FIRINGS;
        private Duration timeBudget = DEFAULT_TIME_BUDGET;
        private boolean allowUnsafeRules;

        private Builder() {
        }

        /**
         * The most entries each list of a request may hold; {@link RequestValidation.Limits#defaults()} unless set.
         * A request with more is rejected with an {@link dev.ruxo.rules.InvalidRequestException}.
         *
         * @param value the limits
         * @return this builder
         */
        public Builder requestLimits(RequestValidation.Limits value) {
            this.limits = Objects.requireNonNull(value, "limits must not be null");
            return this;
        }

        /**
         * The most rule firings one check may take; {@value #DEFAULT_MAX_RULE_FIRINGS} unless set. A check that
         * reaches it (a rule that keeps updating a fact, say) fails with {@link CheckFailedException}.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder maxRuleFirings(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxRuleFirings must be at least 1, was " + value);
            }
            this.maxRuleFirings = value;
            return this;
        }

        /**
         * The most time one check may take; 2 seconds unless set. A check that runs out of it fails with
         * {@link CheckFailedException}. With the built-in rules the budget is checked before each rule firing; with a
         * rules folder's DRL, checks run on a worker thread and the caller stops waiting when the budget runs out, so
         * even a consequence that never returns cannot hang the caller.
         *
         * @param value positive
         * @return this builder
         */
        public Builder timeBudget(Duration value) {
            Objects.requireNonNull(value, "timeBudget must not be null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeBudget must be positive, was " + value);
            }
            this.timeBudget = value;
            return this;
        }

        /**
         * Accepts site DRL that the loader refuses by default: rules that halt the engine, delete or retract facts,
         * touch the findings other than to add to them, or reach {@code System}, {@code Runtime}, processes, threads,
         * reflection, files or sockets. A rules folder is code with the application's own trust either way; this
         * option only removes the guard rails against careless rules.
         *
         * @param value true to accept such rules
         * @return this builder
         */
        public Builder allowUnsafeRules(boolean value) {
            this.allowUnsafeRules = value;
            return this;
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
            CompiledKnowledgeBase kb = KnowledgeBaseLoader.load(source, usePrecompiled, allowUnsafeRules);
            LOG.info("Knowledge base {} {} built: {} rules in {} ms ({})", kb.info().jurisdiction(),
                    kb.info().version(), kb.rules().size(), (System.nanoTime() - start) / 1_000_000,
                    kb.precompiled() ? "precompiled rules" : "DRL compiled now");
            return new DroolsCheckEngine(kb, this);
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

    SessionPool sessions() {
        return sessions;
    }
}
