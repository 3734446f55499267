/**
 * The ruxo-rules API: request and assessment types, the {@link dev.ruxo.rules.CheckEngine} interface,
 * the exception family and the provider interface implementations register through
 * {@link java.util.ServiceLoader}.
 */
module dev.ruxo.rules.api {
    exports dev.ruxo.rules;
    exports dev.ruxo.rules.spi;

    uses dev.ruxo.rules.spi.CheckEngineProvider;
}
