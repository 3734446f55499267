package dev.ruxo.rules.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;

/** The module's own HAPI FHIR R4 context, built once: building one takes about a second. */
final class Fhir {

    private static final FhirContext CONTEXT = newContext();

    /**
     * User-data key under which {@link CdsHooksReader} keeps the JSON each draft order was read from, so that a card's
     * update action can be written by patching that JSON instead of encoding the resource with HAPI again.
     */
    static final String SOURCE_JSON = "dev.ruxo.rules.fhir.sourceJson";

    private Fhir() {
    }

    private static FhirContext newContext() {
        FhirContext ctx = FhirContext.forR4();
        // resource ids stay the resource's own (Type/id); the entry fullUrl is indexed separately
        ctx.getParserOptions().setOverrideResourceIdWithBundleEntryFullUrl(false);
        ctx.getParserOptions().setStripVersionsFromReferences(false);
        // a card's updated draft keeps its references as sent, never a contained copy of what they point to
        ctx.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        return ctx;
    }

    static FhirContext context() {
        return CONTEXT;
    }

    /**
     * A JSON parser that skips unknown elements silently (no logging: log lines must not carry request content) and
     * keeps a malformed primitive as text, so that the mapper can report it with its FHIRPath.
     */
    static IParser parser() {
        LenientErrorHandler handler = new LenientErrorHandler(false);
        handler.setErrorOnInvalidValue(false);
        return CONTEXT.newJsonParser().setParserErrorHandler(handler);
    }
}
