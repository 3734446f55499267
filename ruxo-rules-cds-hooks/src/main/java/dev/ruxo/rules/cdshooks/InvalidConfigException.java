package dev.ruxo.rules.cdshooks;

import java.nio.file.Path;
import java.util.List;

/**
 * A configuration file that cannot be used; carries every problem found.
 *
 * @since 0.1.0
 */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The problems, one line each, such as {@code port: port must be 0 to 65535, was 70000}. */
    private final List<String> problems;

    /**
     * @param file     the file
     * @param problems one line each
     */
    public InvalidConfigException(Path file, List<String> problems) {
        super(file + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, one line each */
    public List<String> problems() {
        return problems;
    }
}
