/**
 * The Drools engine of ruxo-rules and its built-in knowledge base. It provides the API's
 * {@link dev.ruxo.rules.CheckEngineProvider}, so {@link dev.ruxo.rules.RuxoRules#newEngine()} finds it on the module
 * path as on the class path, and requires the SLF4J API and the Drools jars (automatic modules) it runs with, so that
 * {@code java --module-path} needs no {@code --add-modules}.
 *
 * <p>Open: Drools reads the knowledge-base files and instantiates the precompiled rule classes by reflection.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
open module dev.ruxo.rules.drools {
    requires transitive dev.ruxo.rules.api;
    requires org.slf4j;
    // reads the FHIR ValueSet files a rules folder may hold
    requires com.fasterxml.jackson.databind;
    requires org.kie.api;
    requires org.kie.internal.api;
    requires org.drools.base;
    requires org.drools.core;
    requires org.drools.compiler;
    requires org.drools.mvel;
    requires org.drools.canonicalmodel;
    requires org.drools.modelcompiler;
    requires org.drools.util;
    // generates the executable model while the jar is built; not needed at run time
    requires static org.drools.model.codegen;

    exports dev.ruxo.rules.drools;
    exports dev.ruxo.rules.drools.facts;

    provides dev.ruxo.rules.CheckEngineProvider with dev.ruxo.rules.drools.DroolsEngineProvider;
}
