/**
 * The ruxo-rules JSON wire format: reads check requests and writes assessments and errors with Jackson.
 */
module dev.ruxo.rules.json {
    requires transitive dev.ruxo.rules.api;
    requires transitive com.fasterxml.jackson.databind;

    exports dev.ruxo.rules.json;
}
