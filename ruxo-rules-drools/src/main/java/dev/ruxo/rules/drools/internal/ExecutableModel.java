package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.RuleCompilationException;
import dev.ruxo.rules.drools.facts.ConditionMatch;
import dev.ruxo.rules.drools.facts.DispenseFact;
import dev.ruxo.rules.drools.facts.Findings;
import dev.ruxo.rules.drools.facts.IndicationGroup;
import dev.ruxo.rules.drools.facts.MedicationFact;
import dev.ruxo.rules.drools.facts.MedicationMatch;
import dev.ruxo.rules.drools.facts.OrderFact;
import dev.ruxo.rules.drools.facts.PackageFact;
import dev.ruxo.rules.drools.facts.Param;
import dev.ruxo.rules.drools.facts.PatientFact;
import dev.ruxo.rules.drools.facts.Rates;
import dev.ruxo.rules.drools.facts.Text;
import dev.ruxo.rules.drools.facts.UnknownFieldsFact;
import dev.ruxo.rules.drools.facts.UnscreenedCondition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.core.common.InternalFactHandle;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.drools.util.DateUtils;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in rules, compiled to Drools' executable model when this jar is built, so an engine starts without
 * parsing DRL or running a Java compiler.
 *
 * <p>The build runs {@link #main} after compiling this module: it compiles the built-in DRL files to model classes,
 * writes them next to the DRL, and records a fingerprint of what the classes were compiled against: the DRL files
 * (names, texts and load order) and the fact classes the rules call. It then loads the classes and fails if their
 * rules differ in order or attributes from the DRL compiler's, or if generated code calls a project class the
 * fingerprint does not cover. At run time {@link #load} uses the classes only when the fingerprint, the Drools
 * versions and the list of generated classes all match what is on the class path; otherwise (a rules folder that
 * adds or replaces a DRL file, a fact class recompiled without this step, a build that skipped it, another Drools
 * version, a missing class) it answers {@code null} and the caller compiles the DRL, which gives the same rules more
 * slowly. The DRL stays the source of truth; tests check that both give identical assessments and fire rules in the
 * same order.
 */
public final class ExecutableModel {

    /** Where the build records the model's classes and the fingerprint of what they were compiled from. */
    static final String INDEX = KnowledgeBaseFiles.BUILT_IN_ROOT + "executable-model.properties";

    /**
     * The classes the generated code calls: every class of the facts package. A change to any of them makes the
     * generated classes stale, so their bytes are part of the fingerprint.
     */
    static final List<Class<?>> FACT_CLASSES = List.of(ConditionMatch.class, DispenseFact.class, Findings.class,
            IndicationGroup.class, MedicationFact.class, MedicationMatch.class, OrderFact.class, PackageFact.class,
            Param.class, PatientFact.class, Rates.class, Text.class, UnknownFieldsFact.class, UnscreenedCondition.class);

    /** Drools' switch for generating the executable model on one thread, in source order. */
    static final String REPRODUCIBLE_GENERATION = "drools.reproducibleExecutableModelGeneration";

    private static final Logger LOG = LoggerFactory.getLogger(ExecutableModel.class);
    private static final String MODEL_CLASSES = "modelClasses";
    private static final String GENERATED_CLASSES = "generatedClasses";
    private static final String FINGERPRINT = "sourcesSha256";
    private static final String DROOLS_VERSION = "droolsVersion";
    private static final String OTHER_VERSION = "they were compiled for Drools ";
    private static final Pattern PROJECT_CLASS = Pattern.compile("dev/ruxo/[A-Za-z0-9_/$]+");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^[ \\t]*package[ \\t]+([\\w.]+)[ \\t]*;?");

    private ExecutableModel() {
    }

    /**
     * The fingerprint of the rules as they would be compiled now: the DRL files and the fact classes on the class
     * path.
     *
     * @param drl text by file name, in load order
     * @return lower-case hex
     */
    static String fingerprint(Map<String, String> drl) {
        return fingerprint(drl, factClassBytes());
    }

    /**
     * SHA-256 over the DRL files' names and texts in load order (rules of equal salience fire in load order), then
     * the classes' names and bytes.
     *
     * @param drl     text by file name, in load order
     * @param classes class file bytes by class name
     * @return lower-case hex
     */
    static String fingerprint(Map<String, String> drl, Map<String, byte[]> classes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            drl.forEach((name, text) -> {
                update(digest, name.getBytes(StandardCharsets.UTF_8));
                update(digest, text.getBytes(StandardCharsets.UTF_8));
            });
            classes.forEach((name, bytes) -> {
                update(digest, name.getBytes(StandardCharsets.UTF_8));
                update(digest, bytes);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Length-prefixed, so that no two different inputs run together into the same bytes. */
    private static void update(MessageDigest digest, byte[] bytes) {
        digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
            (byte) (bytes.length >>> 8), (byte) bytes.length});
        digest.update(bytes);
    }

    private static Map<String, byte[]> factClassBytes() {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (Class<?> type : FACT_CLASSES) {
            String resource = type.getName().replace('.', '/') + ".class";
            try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("cannot read the class file of " + type.getName());
                }
                bytes.put(type.getName(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }

    /**
     * The precompiled knowledge base for exactly these DRL files, or {@code null} when there is none.
     *
     * @param drl text by file name, in load order
     * @return the knowledge base, or {@code null}: compile the DRL instead
     */
    static KieBase load(Map<String, String> drl) {
        return load(drl, ExecutableModel.class.getClassLoader());
    }

    /**
     * The precompiled knowledge base for exactly these DRL files, from the index and classes {@code loader} finds.
     *
     * @param drl    text by file name, in load order
     * @param loader where the index and the generated classes are
     * @return the knowledge base, or {@code null}: compile the DRL instead
     */
    static KieBase load(Map<String, String> drl, ClassLoader loader) {
        Properties index = new Properties();
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                LOG.debug("No precompiled rules on the class path; compiling the DRL");
                return null;
            }
            index.load(in);
        } catch (IOException e) {
            LOG.warn("Cannot read {} ({}); compiling the DRL", INDEX, e.getClass().getSimpleName());
            return null;
        }
        String unusable;
        try {
            unusable = unusable(index, drl, droolsVersion());
        } catch (RuntimeException e) {
            LOG.warn("Cannot fingerprint the rules ({}); compiling the DRL", e.getClass().getSimpleName());
            return null;
        }
        if (unusable != null) {
            // A rules folder that changes the DRL is expected; another Drools version is worth telling.
            if (unusable.startsWith(OTHER_VERSION)) {
                LOG.info("Not using the precompiled rules: {}; compiling the DRL", unusable);
            } else {
                LOG.debug("Not using the precompiled rules: {}; compiling the DRL", unusable);
            }
            return null;
        }
        try {
            // Every generated class is loaded now, so a partial or damaged build falls back to the DRL here rather
            // than failing a check later.
            for (String name : names(index, GENERATED_CLASSES)) {
                Class.forName(name, false, loader);
            }
            List<Model> models = new ArrayList<>();
            for (String name : names(index, MODEL_CLASSES)) {
                Class<?> type = Class.forName(name, true, loader);
                models.add((Model) type.getConstructor().newInstance());
            }
            if (models.isEmpty()) {
                LOG.warn("The precompiled rules' index names no model; compiling the DRL");
                return null;
            }
            return KieBaseBuilder.createKieBaseFromModel(models);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Damaged or partial classes: the DRL gives the same rules.
            LOG.warn("The precompiled rules do not load ({}); compiling the DRL", e.getClass().getSimpleName());
            return null;
        }
    }

    private static List<String> names(Properties index, String key) {
        return Stream.of(index.getProperty(key, "").split(",")).map(String::strip).filter(n -> !n.isEmpty())
                .toList();
    }

    /**
     * Why the precompiled rules described by {@code index} must not be used for {@code drl}, or {@code null} when they
     * may: they must come from exactly this DRL text and these fact classes, and from the Drools versions running now.
     *
     * @param index         the index the build wrote
     * @param drl           text by file name, in load order
     * @param droolsVersion the Drools versions on the class path, as {@link #droolsVersion()} gives them
     * @return the reason, or {@code null}
     */
    static String unusable(Properties index, Map<String, String> drl, String droolsVersion) {
        if (!fingerprint(drl).equals(index.getProperty(FINGERPRINT))) {
            return "the DRL or the fact classes differ from those they were compiled from";
        }
        if (droolsVersion == null || !droolsVersion.equals(index.getProperty(DROOLS_VERSION))) {
            return OTHER_VERSION + index.getProperty(DROOLS_VERSION) + ", not " + droolsVersion;
        }
        return null;
    }

    /**
     * The versions of the Drools jars the generated classes link against: one version when they agree, as in any
     * consistent installation, otherwise each jar's.
     */
    static String droolsVersion() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("kie-api", KieServices.class.getPackage().getImplementationVersion());
        versions.put("drools-core", InternalFactHandle.class.getPackage().getImplementationVersion());
        versions.put("drools-canonical-model", Model.class.getPackage().getImplementationVersion());
        versions.put("drools-model-compiler", KieBaseBuilder.class.getPackage().getImplementationVersion());
        versions.put("drools-util", DateUtils.class.getPackage().getImplementationVersion());
        if (versions.containsValue(null)) {
            return null;
        }
        if (versions.values().stream().distinct().count() == 1) {
            return versions.values().iterator().next();
        }
        return versions.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /**
     * Compiles the built-in DRL to the executable model and writes the classes and the index into a class folder.
     * The build calls this after compiling the module.
     *
     * @param args the class folder, such as {@code target/classes}
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ExecutableModel <class folder>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        KnowledgeBaseFiles builtIn = KnowledgeBaseFiles.builtIn();
        KieBase fromDrl = null;
        try {
            // The DRL compiler reports problems with file, line and column; the executable model's compiler loses
            // the lines. So a rule author who breaks a built-in file sees the DRL compiler's report.
            fromDrl = KnowledgeBaseLoader.load(builtIn, false).kieBase();
        } catch (RuleCompilationException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        // The index goes first and is written last: a build that stops half-way leaves no index, so no
        // half-written classes are used.
        Path indexFile = out.resolve(INDEX);
        Files.deleteIfExists(indexFile);
        // In load order, as KnowledgeBaseLoader compiles them, so that rules of equal salience fire in the same order.
        Map<String, String> drl = new LinkedHashMap<>();
        builtIn.drl().forEach(f -> drl.put(f.name(), f.content()));

        // Reproducible output: without this, Drools generates the rules on several threads when there are more than
        // a few, and the numbers it gives generated patterns depend on which thread gets there first, so two builds
        // of the same sources would give jars that differ.
        System.setProperty(REPRODUCIBLE_GENERATION, "true");
        KieServices services = KieServices.get();
        KieFileSystem files = services.newKieFileSystem();
        // One file in load order: the executable model's build parses several files in parallel and orders their
        // rules as the parsing finishes, while rules of equal salience fire in load order.
        try {
            files.write("src/main/resources/" + KnowledgeBaseFiles.BUILT_IN_ROOT + "rules.drl", inOneFile(drl));
        } catch (IllegalArgumentException e) {
            System.err.println("Cannot precompile the built-in rules: " + e.getMessage());
            System.exit(1);
        }
        KieBuilder builder = services.newKieBuilder(files, ExecutableModel.class.getClassLoader())
                .buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            errors.forEach(m -> System.err.println(m.getPath() + ":" + m.getLine() + ": " + m.getText()));
            System.exit(1);
        }
        deleteEarlierClasses(out.resolve(KnowledgeBaseFiles.BUILT_IN_ROOT));
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        List<String> modelClasses = new ArrayList<>();
        List<String> generated = new ArrayList<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith("/drools-model") && name.startsWith("META-INF/kie/")) {
                for (String line : new String(module.getBytes(name), StandardCharsets.UTF_8).split("\\R")) {
                    if (!line.isBlank() && !line.contains(":")) {
                        modelClasses.add(line.strip());
                    }
                }
            } else if (name.endsWith(".class") && name.startsWith(KnowledgeBaseFiles.BUILT_IN_ROOT)) {
                byte[] bytes = module.getBytes(name);
                for (String called : unfingerprintedClasses(bytes)) {
                    System.err.println("The generated " + name + " calls " + called + ", whose changes the fingerprint"
                            + " would miss: add it to ExecutableModel.FACT_CLASSES");
                    System.exit(1);
                }
                write(out.resolve(name), bytes);
                generated.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
            }
        }
        if (modelClasses.isEmpty() || generated.isEmpty()) {
            System.err.println("The executable model build produced no model classes");
            System.exit(1);
        }
        // Written by hand rather than Properties.store, which adds the date and so changes the jar at every build.
        String index = "# Written by the build (ExecutableModel.main); do not edit.\n"
                + MODEL_CLASSES + "=" + String.join(",", modelClasses) + "\n"
                + FINGERPRINT + "=" + fingerprint(drl) + "\n"
                + DROOLS_VERSION + "=" + droolsVersion() + "\n"
                + GENERATED_CLASSES + "=" + String.join(",", generated.stream().sorted().toList()) + "\n";
        Files.createDirectories(indexFile.getParent());
        Path partial = indexFile.resolveSibling(indexFile.getFileName() + ".partial");
        Files.writeString(partial, index, StandardCharsets.ISO_8859_1);
        Files.move(partial, indexFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        // The classes just written must load, and give the rules the DRL compiler gave, with the same attributes and
        // in the same order.
        KieBase precompiled = load(drl);
        List<String> differences = precompiled == null ? List.of("the precompiled rules do not load")
                : differences(rules(fromDrl), rules(precompiled));
        if (!differences.isEmpty()) {
            Files.delete(indexFile);
            System.err.println("The precompiled rules differ from the DRL compiler's:");
            differences.forEach(d -> System.err.println("  " + d));
            System.exit(1);
        }
        System.out.println("Executable model: " + generated.size() + " classes for " + drl.size() + " DRL files");
    }

    /**
     * What decides when each rule of a knowledge base fires, one line per rule, in load order: name, salience,
     * enabled, no-loop, groups, lock-on-active, auto-focus, dates.
     *
     * @param kieBase the knowledge base
     * @return one line per rule
     */
    static List<String> rules(KieBase kieBase) {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(r -> (RuleImpl) r)
                .sorted(Comparator.comparingInt(RuleImpl::getLoadOrder)).map(ExecutableModel::attributes).toList();
    }

    private static String attributes(RuleImpl rule) {
        String enabled;
        try {
            enabled = String.valueOf(rule.getEnabled().getValue(null, null, rule, null));
        } catch (RuntimeException e) {
            enabled = "depends on the facts";
        }
        return rule.getPackageName() + "." + rule.getName()
                + " salience=" + (rule.isSalienceDynamic() ? "dynamic" : rule.getSalienceValue())
                + " enabled=" + enabled + " no-loop=" + rule.isNoLoop() + " agenda-group=" + rule.getAgendaGroup()
                + " activation-group=" + rule.getActivationGroup() + " ruleflow-group=" + rule.getRuleFlowGroup()
                + " lock-on-active=" + rule.isLockOnActive() + " auto-focus=" + rule.getAutoFocus()
                + " date-effective=" + time(rule.getDateEffective()) + " date-expires=" + time(rule.getDateExpires());
    }

    private static String time(Calendar calendar) {
        return calendar == null ? "none" : calendar.toInstant().toString();
    }

    private static List<String> differences(List<String> expected, List<String> actual) {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "nothing";
            String got = i < actual.size() ? actual.get(i) : "nothing";
            if (!want.equals(got)) {
                differences.add("rule " + (i + 1) + " in load order: DRL " + want + "; precompiled " + got);
            }
        }
        return differences;
    }

    /**
     * The project classes a generated class refers to that are neither generated nor fact classes, so that a change
     * to them would not change the fingerprint.
     *
     * @param classFile the bytes of a generated class
     * @return internal names, such as {@code dev/ruxo/rules/drools/internal/Codes}
     */
    static Set<String> unfingerprintedClasses(byte[] classFile) {
        Set<String> covered = FACT_CLASSES.stream().map(c -> c.getName().replace('.', '/'))
                .collect(Collectors.toSet());
        Set<String> found = new TreeSet<>();
        // Class names sit in the constant pool as plain (modified UTF-8) text.
        Matcher reference = PROJECT_CLASS.matcher(new String(classFile, StandardCharsets.ISO_8859_1));
        while (reference.find()) {
            String name = reference.group();
            int nested = name.indexOf('$');
            String outer = nested < 0 ? name : name.substring(0, nested);
            if (!name.startsWith(KnowledgeBaseFiles.BUILT_IN_ROOT) && !covered.contains(outer)) {
                found.add(name);
            }
        }
        return found;
    }

    /**
     * The DRL files as one text, in load order. They must share one package; its declaration is kept once.
     */
    static String inOneFile(Map<String, String> drl) {
        StringBuilder text = new StringBuilder();
        String firstPackage = null;
        for (Map.Entry<String, String> file : drl.entrySet()) {
            Matcher declaration = PACKAGE.matcher(file.getValue());
            if (!declaration.find()) {
                throw new IllegalArgumentException(file.getKey() + " declares no package");
            }
            if (firstPackage == null) {
                firstPackage = declaration.group(1);
                text.append(file.getValue());
            } else if (!firstPackage.equals(declaration.group(1))) {
                throw new IllegalArgumentException(file.getKey() + " is in package " + declaration.group(1)
                        + ", not " + firstPackage);
            } else {
                String body = file.getValue();
                text.append(body, 0, declaration.start()).append(body, declaration.end(), body.length());
            }
            text.append("\n");
        }
        return text.toString();
    }

    /**
     * Removes the classes an earlier build generated, so a build without {@code clean} does not ship them. Only class
     * files go: the folder also holds the DRL and data files, and no hand-written class lives in this package.
     */
    private static void deleteEarlierClasses(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> paths;
        try (var walk = Files.walk(folder)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            if (path.toString().endsWith(".class")) {
                Files.delete(path);
            } else if (Files.isDirectory(path) && !path.equals(folder)) {
                try (var entries = Files.list(path)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
