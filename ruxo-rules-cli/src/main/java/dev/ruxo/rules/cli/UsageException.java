package dev.ruxo.rules.cli;

/** The command line is wrong; the message says how, in one line, and usage text follows it on standard error. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
