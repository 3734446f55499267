/**
 * The ruxo-rules API: request and assessment types, the {@link dev.ruxo.rules.CheckEngine} interface,
 * the exception family and {@link dev.ruxo.rules.CheckEngineProvider}, which implementations register through
 * {@link java.util.ServiceLoader}.
 */
module dev.ruxo.rules.api {
    exports dev.ruxo.rules;

    uses dev.ruxo.rules.CheckEngineProvider;
}
