package dev.ruxo.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The knowledge base did not compile. It carries every message, each with its file and line.
 *
 * @since 0.1.0
 */
public final class RuleCompilationException extends RuxoRulesException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleMessage> messages;

    /**
     * @param messages every problem found; at least one
     */
    public RuleCompilationException(List<RuleMessage> messages) {
        super(message(messages));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a compilation failure needs at least one message");
        }
        this.messages = List.copyOf(messages);
    }

    /**
     * @return every problem, in the order found
     */
    public List<RuleMessage> messages() {
        return messages;
    }

    private static String message(List<RuleMessage> messages) {
        return "The knowledge base does not compile (" + messages.size() + " problem"
                + (messages.size() == 1 ? "" : "s") + "):\n"
                + messages.stream().map(RuleMessage::toString).collect(Collectors.joining("\n"));
    }
}
