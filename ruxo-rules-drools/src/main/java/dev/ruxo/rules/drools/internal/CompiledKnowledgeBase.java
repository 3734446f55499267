package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.KnowledgeBaseInfo;
import dev.ruxo.rules.RuleMessage;
import dev.ruxo.rules.drools.facts.PackageFact;
import dev.ruxo.rules.drools.facts.Param;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * A compiled knowledge base and the data it runs with. Immutable after construction and shared by all checks.
 *
 * @param kieBase     the compiled rules
 * @param info        version, jurisdiction and label revision
 * @param labelTitle  the label's title for finding sources
 * @param labelUrl    the label's address; nullable
 * @param rules       rule metadata by {@link RuleMeta#key(String, String) package and rule name}
 * @param params      every parameter, inserted into each check
 * @param conditions  condition value sets
 * @param medications medication value sets
 * @param routes      route words
 * @param packages    the product's packages by 11-digit NDC
 * @param warnings    lint findings that do not stop the build: parameters and value sets no rule uses
 * @param precompiled true when the rules came from the executable model built with the jar, false when the DRL was
 *                    compiled at load time
 * @param siteDrl     true when the DRL is not exactly the built-in DRL: its consequences may not return, so checks
 *                    run on a worker thread that the caller can stop waiting for
 * @param extensions  what the FHIR ValueSet files of a rules folder added to the value sets
 */
public record CompiledKnowledgeBase(
        KieBase kieBase,
        KnowledgeBaseInfo info,
        String labelTitle,
        String labelUrl,
        Map<String, RuleMeta> rules,
        List<Param> params,
        ConditionValueSets conditions,
        MedicationValueSets medications,
        RouteTable routes,
        Map<String, PackageFact> packages,
        List<RuleMessage> warnings,
        boolean precompiled,
        boolean siteDrl,
        List<ValueSetExtension> extensions) {
}
