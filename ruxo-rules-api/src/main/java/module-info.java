/**
 * The ruxo-rules API: request and assessment types, the {@link dev.ruxo.rules.CheckEngine} interface,
 * the exception family and {@link dev.ruxo.rules.CheckEngineProvider}, which implementations register through
 * {@link java.util.ServiceLoader}.
 *
 * Nullness is marked with JSpecify, needed at compile time only.
 */
module dev.ruxo.rules.api {
    requires static org.jspecify;

    exports dev.ruxo.rules;

    uses dev.ruxo.rules.CheckEngineProvider;
}
