package dev.ruxo.rules;

/**
 * Checks orders against the knowledge base. Implementations are thread safe: share one engine across threads and
 * build it once, since building loads the knowledge base.
 *
 * <pre>{@code
 * CheckEngine engine = RuxoRules.newEngine();
 * Assessment assessment = engine.check(request);
 * if (assessment.decision() == Decision.STOP) { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
public interface CheckEngine {

    /**
     * Validates and assesses one request.
     *
     * @param request the request
     * @return the assessment; never null
     * @throws InvalidRequestException when the request is structurally invalid, listing every violation
     * @throws CheckFailedException    when the engine fails; there is then no assessment, and the order is unchecked
     * @throws NullPointerException    when {@code request} is null
     */
    Assessment check(CheckRequest request);

    /**
     * The knowledge base this engine runs.
     *
     * @return its version, jurisdiction and label revision
     */
    KnowledgeBaseInfo knowledgeBase();
}
