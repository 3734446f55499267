package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.Category;
import dev.ruxo.rules.KnowledgeBaseInfo;
import dev.ruxo.rules.RuleCompilationException;
import dev.ruxo.rules.RuleMessage;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.WireValue;
import dev.ruxo.rules.drools.facts.PackageFact;
import dev.ruxo.rules.drools.facts.Param;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles a knowledge base: reads the data files, compiles the DRL, checks every rule's metadata and every
 * parameter and value-set reference, and fails with all problems at once, each with its file and line.
 */
public final class KnowledgeBaseLoader {

    /** The data files every knowledge base has. */
    public static final List<String> DATA_FILES = List.of(Parameters.FILE, ConditionValueSets.FILE,
            MedicationValueSets.FILE, RouteTable.FILE, Packages.FILE);

    /** Condition value sets the engine itself reads to classify the indication. */
    static final String ATOPIC_DERMATITIS = "ATOPIC_DERMATITIS";
    static final String VITILIGO = "VITILIGO";

    private static final Set<String> REQUIRED_META = Set.of("ruleId", "category", "severity", "section", "revision",
            "title");
    private static final Pattern RULE_ID = Pattern.compile("RUXO-[A-Z0-9]+(-[A-Z0-9]+)*");
    private static final Pattern RULE_DECL = Pattern.compile("^[ \\t]*rule[ \\t]+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern PARAM_REF = Pattern.compile("Param\\s*\\(\\s*id\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern VALUE_SET_REF = Pattern.compile(
            "valueSet\\s*==\\s*(\"[^\"]*\")|valueSet\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern DRL_LINE_COLUMN = Pattern.compile("[Ll]ine (\\d+):(\\d+)");
    private static final Pattern MVEL_LINE_COLUMN = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)]");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^[ \\t]*package[ \\t]+([\\w.]+)");

    private KnowledgeBaseLoader() {
    }

    /**
     * Builds the knowledge base.
     *
     * @param files the files
     * @return the compiled knowledge base
     * @throws RuleCompilationException listing every problem
     */
    public static CompiledKnowledgeBase load(KnowledgeBaseFiles files) {
        return load(files, true);
    }

    /**
     * Builds the knowledge base, optionally without the executable model built with the jar.
     *
     * @param files          the files
     * @param usePrecompiled false to compile the DRL even when precompiled rules for exactly these files exist
     * @return the compiled knowledge base
     * @throws RuleCompilationException listing every problem
     */
    public static CompiledKnowledgeBase load(KnowledgeBaseFiles files, boolean usePrecompiled) {
        return load(files, usePrecompiled, false);
    }

    /**
     * Builds the knowledge base.
     *
     * @param files            the files
     * @param usePrecompiled   false to compile the DRL even when precompiled rules for exactly these files exist
     * @param allowUnsafeRules true to accept DRL that the {@link RuleGuard} refuses (halting, deleting facts, reaching
     *                         System, threads, files, sockets)
     * @return the compiled knowledge base
     * @throws RuleCompilationException listing every problem
     */
    public static CompiledKnowledgeBase load(KnowledgeBaseFiles files, boolean usePrecompiled,
                                             boolean allowUnsafeRules) {
        List<RuleMessage> errors = new ArrayList<>();
        List<TextFile> manifests = files.named(KnowledgeBaseFiles.MANIFEST);
        if (manifests.size() != 1) {
            errors.add(new RuleMessage(KnowledgeBaseFiles.MANIFEST, 0, 0,
                    "a knowledge base needs exactly one manifest, found " + manifests.size()));
        }
        KnowledgeBaseFiles.Manifest manifest = KnowledgeBaseFiles.Manifest.parse(
                manifests.isEmpty() ? "" : manifests.get(0).content(), errors);
        List<RuleMessage> paramWarnings = new ArrayList<>();
        Map<String, Param> params = Parameters.read(data(files, Parameters.FILE, errors), errors, paramWarnings);
        FhirValueSets.Result fhir = FhirValueSets.extend(FhirValueSets.resources(files),
                data(files, ConditionValueSets.FILE, errors), data(files, MedicationValueSets.FILE, errors), errors);
        ConditionValueSets conditions = ConditionValueSets.read(fhir.conditions(), errors);
        MedicationValueSets medications = MedicationValueSets.read(fhir.medications(), errors);
        RouteTable routes = RouteTable.read(data(files, RouteTable.FILE, errors), errors);
        Map<String, PackageFact> packages = Packages.read(data(files, Packages.FILE, errors), errors);
        for (String required : List.of(ATOPIC_DERMATITIS, VITILIGO)) {
            if (!conditions.valueSetNames().contains(required)) {
                errors.add(new RuleMessage(ConditionValueSets.FILE, 0, 0,
                        "value set " + required + " is required (the engine classifies the indication with it)"));
            }
        }

        Map<String, String> drl = new LinkedHashMap<>();
        files.drl().forEach(f -> drl.put(f.name(), f.content()));
        if (drl.isEmpty()) {
            errors.add(new RuleMessage(KnowledgeBaseFiles.MANIFEST, 0, 0, "the knowledge base has no DRL file"));
        }
        if (!allowUnsafeRules) {
            drl.forEach((name, text) -> RuleGuard.check(name, text, errors));
        }
        checkRuleNames(drl, errors);
        Set<String> valueSets = new java.util.HashSet<>(conditions.valueSetNames());
        valueSets.addAll(medications.valueSetNames());
        References used = checkReferences(drl, params.keySet(), valueSets, errors);

        KieBase precompiled = usePrecompiled && errors.isEmpty() ? ExecutableModel.load(drl) : null;
        KieBase kieBase = precompiled != null ? precompiled : compile(drl, errors);
        Map<String, RuleMeta> rules = kieBase == null ? Map.of() : metadata(kieBase, drl, errors);
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        KnowledgeBaseInfo info = new KnowledgeBaseInfo(version(files, manifest.labelRevision()),
                manifest.jurisdiction(), manifest.labelRevision());
        List<RuleMessage> warnings = new ArrayList<>(lint(used, params.keySet(), valueSets,
                manifest.recognitionOnlyValueSets()));
        warnings.addAll(files.notes());
        warnings.addAll(paramWarnings);
        return new CompiledKnowledgeBase(kieBase, info, manifest.labelTitle(), manifest.labelUrl(), rules,
                List.copyOf(params.values()), conditions, medications, routes, packages, List.copyOf(warnings),
                precompiled != null, !drl.equals(builtInDrl()), fhir.extensions());
    }

    private static List<TextFile> data(KnowledgeBaseFiles files, String name, List<RuleMessage> errors) {
        List<TextFile> found = files.named(name);
        if (found.isEmpty()) {
            errors.add(new RuleMessage(name, 0, 0, "data file is missing"));
        }
        return found;
    }

    private static KieBase compile(Map<String, String> drl, List<RuleMessage> errors) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(KnowledgeBaseLoader.class.getClassLoader()));
        // One batch: the DRL files share a package, so their consequences compile together in one pass.
        CompositeKnowledgeBuilder batch = builder.batch();
        drl.forEach((name, text) -> batch.add(
                ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8)).setSourcePath(name),
                ResourceType.DRL));
        try {
            batch.build();
        } catch (StackOverflowError e) {
            errors.add(new RuleMessage(String.join(", ", drl.keySet()), 0, 0, "the DRL compiler ran out of stack: an "
                    + "expression is nested too deeply (thousands of parentheses, say); split it into simpler ones"));
            return null;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            errors.add(new RuleMessage(String.join(", ", drl.keySet()), 0, 0, "the DRL compiler failed ("
                    + e.getClass().getSimpleName() + ") on one of these files"));
            return null;
        }
        if (builder.hasErrors()) {
            List<RuleMessage> found = new ArrayList<>();
            for (KnowledgeBuilderResult r : builder.getResults(ResultSeverity.ERROR)) {
                String resource = r.getResource() == null ? "(unknown).drl" : r.getResource().getSourcePath();
                int[] lines = r.getLines();
                int line = lines != null && lines.length > 0 ? lines[0] : 0;
                int column = 0;
                Matcher m = DRL_LINE_COLUMN.matcher(r.getMessage());
                Matcher mvel = MVEL_LINE_COLUMN.matcher(r.getMessage());
                if (m.find()) {
                    line = line > 0 ? line : Integer.parseInt(m.group(1));
                    column = Integer.parseInt(m.group(2)) + 1;
                } else if (mvel.find()) {
                    column = Integer.parseInt(mvel.group(2)) + 1;
                }
                found.add(new RuleMessage(resource, Math.max(line, 0), column, oneLine(r.getMessage())));
            }
            // Drools follows a syntax error with "Parser returned a null Package" for the same file: noise.
            found.stream().filter(f -> !(f.line() == 0 && f.text().startsWith("Parser returned a null Package")
                            && found.stream().anyMatch(o -> o != f && o.resource().equals(f.resource()))))
                    .forEach(errors::add);
            return null;
        }
        return builder.newKieBase();
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** The parameter ids and value-set names the DRL refers to. */
    private record References(Set<String> params, Set<String> valueSets) {
    }

    /**
     * Every {@code Param(id == "X")}, {@code valueSet == "X"} and {@code valueSet in ("X", "Y")} in the DRL must name
     * something that exists: a misspelt name would make a rule silently never fire.
     */
    private static References checkReferences(Map<String, String> drl, Set<String> params, Set<String> valueSets,
                                              List<RuleMessage> errors) {
        References used = new References(new java.util.HashSet<>(), new java.util.HashSet<>());
        drl.forEach((name, text) -> {
            Matcher p = PARAM_REF.matcher(text);
            while (p.find()) {
                used.params().add(p.group(1));
                if (!params.contains(p.group(1))) {
                    errors.add(at(name, text, p.start(1), "unknown parameter \"" + p.group(1) + "\": not in "
                            + Parameters.FILE));
                }
            }
            Matcher v = VALUE_SET_REF.matcher(text);
            while (v.find()) {
                for (int g = 1; g <= 2; g++) {
                    if (v.group(g) == null) {
                        continue;
                    }
                    Matcher each = QUOTED.matcher(v.group(g));
                    while (each.find()) {
                        used.valueSets().add(each.group(1));
                        if (!valueSets.contains(each.group(1))) {
                            errors.add(at(name, text, v.start(g) + each.start(1), "unknown value set \""
                                    + each.group(1) + "\": not in " + ConditionValueSets.FILE + " or "
                                    + MedicationValueSets.FILE));
                        }
                    }
                }
            }
        });
        return used;
    }

    /** Parameters and value sets that no rule names: not errors, but usually a typo or a leftover. */
    private static List<RuleMessage> lint(References used, Set<String> params, Set<String> valueSets,
                                          List<String> recognitionOnly) {
        Set<String> usedSets = new java.util.HashSet<>(used.valueSets());
        usedSets.addAll(List.of(ATOPIC_DERMATITIS, VITILIGO));
        usedSets.addAll(recognitionOnly);
        List<RuleMessage> warnings = new ArrayList<>();
        params.stream().filter(id -> !used.params().contains(id)).sorted().forEach(id -> warnings.add(
                new RuleMessage(Parameters.FILE, 0, 0, "parameter " + id + " is not used by any rule")));
        valueSets.stream().filter(s -> !usedSets.contains(s)).sorted().forEach(s -> warnings.add(
                new RuleMessage(ConditionValueSets.FILE + " or " + MedicationValueSets.FILE, 0, 0,
                        "value set " + s + " is not used by any rule")));
        return warnings;
    }

    private static RuleMessage at(String resource, String text, int offset, String message) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        return new RuleMessage(resource, lineOf(text, offset), offset - lineStart + 1, message);
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static Map<String, RuleMeta> metadata(KieBase kieBase, Map<String, String> drl, List<RuleMessage> errors) {
        Map<String, int[]> declaredAt = new HashMap<>();
        Map<String, String> declaredIn = new HashMap<>();
        Map<String, List<String>> paramsOf = new HashMap<>();
        drl.forEach((name, text) -> {
            List<int[]> starts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            String pkg = packageOf(text);
            Matcher m = RULE_DECL.matcher(text);
            while (m.find()) {
                String key = RuleMeta.key(pkg, m.group(1));
                names.add(key);
                starts.add(new int[] {m.start(), lineOf(text, m.start())});
                declaredAt.put(key, new int[] {lineOf(text, m.start())});
                declaredIn.put(key, name);
            }
            Matcher p = PARAM_REF.matcher(text);
            while (p.find()) {
                for (int i = starts.size() - 1; i >= 0; i--) {
                    if (starts.get(i)[0] < p.start()) {
                        List<String> list = paramsOf.computeIfAbsent(names.get(i), k -> new ArrayList<>());
                        if (!list.contains(p.group(1))) {
                            list.add(p.group(1));
                        }
                        break;
                    }
                }
            }
        });
        Map<String, RuleMeta> byName = new TreeMap<>();
        Map<String, String> idOwner = new HashMap<>();
        List<Rule> all = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            all.addAll(pkg.getRules());
        }
        all.sort(Comparator.comparing(Rule::getName));
        for (Rule rule : all) {
            String key = RuleMeta.key(rule);
            String resource = declaredIn.getOrDefault(key, "(unknown).drl");
            int line = declaredAt.getOrDefault(key, new int[] {0})[0];
            Map<String, String> meta = new HashMap<>();
            rule.getMetaData().forEach((k, v) -> meta.put(k, unquote(v)));
            List<String> missing = REQUIRED_META.stream().filter(k -> meta.get(k) == null || meta.get(k).isBlank())
                    .sorted().toList();
            if (!missing.isEmpty()) {
                errors.add(new RuleMessage(resource, line, 1, "rule \"" + rule.getName() + "\" lacks metadata "
                        + missing.stream().map(k -> "@" + k).toList()));
                continue;
            }
            String id = meta.get("ruleId");
            if (!RULE_ID.matcher(id).matches()) {
                errors.add(new RuleMessage(resource, line, 1, "rule \"" + rule.getName() + "\": @ruleId \"" + id
                        + "\" must look like RUXO-GROUP-NAME (upper case, digits, hyphens)"));
            }
            String owner = idOwner.putIfAbsent(id, rule.getName());
            if (owner != null) {
                errors.add(new RuleMessage(resource, line, 1, "duplicate @ruleId " + id + ": rules \"" + owner
                        + "\" and \"" + rule.getName() + "\""));
            }
            Category category = enumValue(Category.class, meta, "category", rule, resource, line, errors);
            Severity severity = enumValue(Severity.class, meta, "severity", rule, resource, line, errors);
            Severity escalated = meta.containsKey("severityWhenVerified")
                    ? enumValue(Severity.class, meta, "severityWhenVerified", rule, resource, line, errors) : null;
            Boolean verified = flag(meta, "verified", rule, resource, line, errors);
            Boolean overridable = flag(meta, "overridable", rule, resource, line, errors);
            if (category == null || severity == null || verified == null || overridable == null
                    || (meta.containsKey("severityWhenVerified") && escalated == null)) {
                continue;
            }
            byName.put(key, new RuleMeta(id, rule.getName(), category, severity, escalated,
                    meta.get("section"), meta.get("revision"), verified, overridable, meta.get("title"), resource,
                    line, paramsOf.getOrDefault(key, List.of())));
        }
        return byName;
    }

    /** The package a DRL file declares; Drools' default package when it declares none. */
    static String packageOf(String text) {
        Matcher m = PACKAGE.matcher(RuleGuard.codeOnly(text));
        return m.find() ? m.group(1) : "defaultpkg";
    }

    /**
     * A rule name may be declared once in the whole knowledge base: a site rule named like a built-in rule, even in
     * another package, would otherwise be confused with it in reports, coverage and audit trails.
     */
    private static void checkRuleNames(Map<String, String> drl, List<RuleMessage> errors) {
        Map<String, String> first = new HashMap<>();
        drl.forEach((name, text) -> {
            String code = RuleGuard.codeOnly(text);
            Matcher m = RULE_DECL.matcher(text);
            while (m.find()) {
                if (code.charAt(m.start() + m.group().indexOf("rule")) != 'r') {
                    continue; // inside a block comment
                }
                String where = name + ":" + lineOf(text, m.start());
                String earlier = first.putIfAbsent(m.group(1), where);
                if (earlier != null) {
                    errors.add(new RuleMessage(name, lineOf(text, m.start()), 1, "rule name \"" + m.group(1)
                            + "\" is already declared at " + earlier + "; rule names must be unique across all DRL "
                            + "files and packages"));
                }
            }
        });
    }

    private static Map<String, String> builtInDrl() {
        Map<String, String> drl = new LinkedHashMap<>();
        KnowledgeBaseFiles.builtIn().drl().forEach(f -> drl.put(f.name(), f.content()));
        return drl;
    }

    private static <E extends Enum<E> & WireValue> E enumValue(Class<E> type, Map<String, String> meta, String key,
                                                                Rule rule, String resource, int line,
                                                                List<RuleMessage> errors) {
        String text = meta.get(key);
        return WireValue.parse(type, text).orElseGet(() -> {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(WireValue::wireValue).toList();
            errors.add(new RuleMessage(resource, line, 1, "rule \"" + rule.getName() + "\": @" + key + " must be one of "
                    + allowed + " but was \"" + text + "\""));
            return null;
        });
    }

    private static Boolean flag(Map<String, String> meta, String key, Rule rule, String resource, int line,
                                List<RuleMessage> errors) {
        String text = meta.getOrDefault(key, "true");
        if (!text.equals("true") && !text.equals("false")) {
            errors.add(new RuleMessage(resource, line, 1, "rule \"" + rule.getName() + "\": @" + key
                    + " must be true or false but was \"" + text + "\""));
            return null;
        }
        return Boolean.valueOf(text);
    }

    private static String unquote(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** A content hash of every file, by name, plus the label revision: the same files give the same version. */
    static String version(KnowledgeBaseFiles files, String labelRevision) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(labelRevision).getBytes(StandardCharsets.UTF_8));
            new TreeMap<>(files.files()).forEach((name, text) -> {
                sha.update((byte) 0);
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            });
            return labelRevision + "+sha256." + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
