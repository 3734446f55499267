package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.Category;
import dev.ruxo.rules.Severity;

/**
 * A rule's metadata, read once from its DRL annotations when the knowledge base is built.
 *
 * @param ruleId               stable id, such as RUXO-DOSE-BSA-AD
 * @param ruleName             the DRL rule name
 * @param category             what its findings are about
 * @param severity             the severity of its findings
 * @param severityWhenVerified the severity once every parameter it uses is verified; null when it does not change
 * @param section              label section, or "policy"
 * @param revision             label revision
 * @param verified             false when the rule itself rests on an unverified fact
 * @param overridable          whether a prescriber may override its findings
 * @param title                what it checks, one line, for the catalogue
 * @param resource             the DRL file
 * @param line                 the line of its {@code rule} keyword
 * @param params               ids of the parameters it compares against, in order of first mention
 */
public record RuleMeta(
        String ruleId,
        String ruleName,
        Category category,
        Severity severity,
        Severity severityWhenVerified,
        String section,
        String revision,
        boolean verified,
        boolean overridable,
        String title,
        String resource,
        int line,
        java.util.List<String> params) {

    /**
     * Copies the parameter list.
     *
     * @param ruleId stable id, such as RUXO-DOSE-BSA-AD
     * @param ruleName the DRL rule name
     * @param category what its findings are about
     * @param severity the severity of its findings
     * @param severityWhenVerified the severity once every parameter it uses is verified; null when it does not change
     * @param section label section, or "policy"
     * @param revision label revision
     * @param verified false when the rule itself rests on an unverified fact
     * @param overridable whether a prescriber may override its findings
     * @param title what it checks, one line, for the catalogue
     * @param resource the DRL file
     * @param line the line of its {@code rule} keyword
     * @param params ids of the parameters it compares against, in order of first mention
     */
    public RuleMeta {
        params = java.util.List.copyOf(params);
    }

    /**
     * The key of a rule's metadata: package and name, since two packages may each have a rule of one name.
     *
     * @param pkg  the package
     * @param name the rule name
     * @return the key
     */
    public static String key(String pkg, String name) {
        return pkg + "/" + name;
    }

    /**
     * The key of a rule's metadata.
     *
     * @param rule the rule
     * @return the key
     */
    public static String key(org.kie.api.definition.rule.Rule rule) {
        return key(rule.getPackageName(), rule.getName());
    }
}
