package dev.ruxo.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The request is structurally invalid and was not assessed. It carries every violation, field by field.
 *
 * @since 0.1.0
 */
public final class InvalidRequestException extends RuxoRulesException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * @param violations every violation found; at least one
     */
    public InvalidRequestException(List<Violation> violations) {
        super(message(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /**
     * @return every violation, in the order found
     */
    public List<Violation> violations() {
        return violations;
    }

    private static String message(List<Violation> violations) {
        return "Invalid request: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
