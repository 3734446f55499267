package dev.ruxo.rules.drools;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.KnowledgeBaseInfo;
import dev.ruxo.rules.RuleCompilationException;
import dev.ruxo.rules.RuleMessage;
import dev.ruxo.rules.drools.internal.CompiledKnowledgeBase;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine whose knowledge base can be rebuilt from changed files while it serves. {@link #reload()} compiles the
 * files afresh; if they compile, later checks use the new knowledge base (checks already running finish on the old
 * one); if they do not, or the build fails in any other way, the old knowledge base keeps serving and the failure is
 * returned, never thrown. Thread safe.
 *
 * <pre>{@code
 * ReloadingCheckEngine engine = DroolsCheckEngine.builder().rulesFolder(Path.of("site-rules")).buildReloading();
 * ReloadingCheckEngine.Reload result = engine.reload();   // after editing the folder
 * if (!result.reloaded()) result.problems().forEach(System.err::println);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ReloadingCheckEngine implements CheckEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingCheckEngine.class);

    private final DroolsCheckEngine.Builder builder;
    private final AtomicReference<DroolsCheckEngine> current;

    ReloadingCheckEngine(DroolsCheckEngine.Builder builder, DroolsCheckEngine first) {
        this.builder = builder;
        this.current = new AtomicReference<>(first);
    }

    /**
     * The outcome of a reload.
     *
     * @param reloaded whether the new files compiled and now serve
     * @param serving  the knowledge base serving after the reload
     * @param problems every compilation problem when the reload failed; empty otherwise
     */
    public record Reload(boolean reloaded, KnowledgeBaseInfo serving, List<RuleMessage> problems) {

        /**
         * Copies the problem list.
         *
         * @param reloaded whether the new files compiled and now serve
         * @param serving the knowledge base serving after the reload
         * @param problems every compilation problem when the reload failed; empty otherwise
         */
        public Reload {
            Objects.requireNonNull(serving, "serving must not be null");
            problems = List.copyOf(problems);
        }
    }

    /**
     * Rebuilds the knowledge base from its files. Concurrent calls are serialised.
     *
     * @return whether the new files now serve, and if not, why
     */
    public synchronized Reload reload() {
        try {
            DroolsCheckEngine next = builder.build();
            current.set(next);
            return new Reload(true, next.knowledgeBase(), List.of());
        } catch (RuleCompilationException e) {
            KnowledgeBaseInfo serving = current.get().knowledgeBase();
            LOG.warn("Reload failed with {} problem(s); still serving knowledge base {}", e.messages().size(),
                    serving.version());
            return new Reload(false, serving, e.messages());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // Anything else the build throws is a failed reload too: the old knowledge base keeps serving.
            KnowledgeBaseInfo serving = current.get().knowledgeBase();
            LOG.warn("Reload failed ({}); still serving knowledge base {}", e.getClass().getName(), serving.version());
            return new Reload(false, serving, List.of(new RuleMessage("(knowledge base)", 0, 0,
                    "the knowledge base could not be built (" + e.getClass().getSimpleName() + ")")));
        }
    }

    @Override
    public Assessment check(CheckRequest request) {
        return current.get().check(request);
    }

    @Override
    public KnowledgeBaseInfo knowledgeBase() {
        return current.get().knowledgeBase();
    }

    /** The knowledge base serving now. */
    CompiledKnowledgeBase compiled() {
        return current.get().compiled();
    }
}
