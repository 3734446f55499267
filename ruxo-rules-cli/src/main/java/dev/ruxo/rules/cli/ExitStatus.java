package dev.ruxo.rules.cli;

/** The exit statuses of the tool; the numbers are part of its contract. */
final class ExitStatus {

    /** Every input was assessed, whatever the decisions. */
    static final int OK = 0;
    /** An internal error: the engine could not be built, or it failed on an input. Takes precedence over 2. */
    static final int INTERNAL_ERROR = 1;
    /** An input was invalid or unreadable, or the command line was wrong. */
    static final int INVALID = 2;

    private ExitStatus() {
    }
}
