package dev.ruxo.rules.drools;

/**
 * A failure inside the engine with its message removed: the cause chain of a
 * {@link dev.ruxo.rules.CheckFailedException} keeps every type and stack frame, for whoever debugs it, but no message, because a message can quote request text
 * ({@code For input string: "..."}) and nothing the library throws or logs may carry it.
 */
final class EngineFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 16;

    private EngineFailure(String type, StackTraceElement[] stack, Throwable cause) {
        super(type + " (message withheld: it can quote the request)", cause, false, true);
        setStackTrace(stack);
    }

    /**
     * A copy of {@code failure} and its causes with types and stacks only.
     *
     * @param failure the failure
     * @return the copy
     */
    static EngineFailure of(Throwable failure) {
        return copy(failure, 0);
    }

    private static EngineFailure copy(Throwable t, int depth) {
        Throwable cause = t.getCause();
        EngineFailure inner = cause == null || cause == t || depth >= MAX_DEPTH ? null : copy(cause, depth + 1);
        return new EngineFailure(t.getClass().getName(), t.getStackTrace(), inner);
    }
}
