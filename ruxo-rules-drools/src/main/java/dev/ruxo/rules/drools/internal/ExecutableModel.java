package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.RuleCompilationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
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
 * writes them next to the DRL, and records a fingerprint of the DRL text it compiled. At run time {@link #load} uses
 * the classes only for exactly that DRL text; for any other text (a rules folder that adds or replaces a DRL file, a
 * build that skipped this step, a Drools version the classes do not load on) it answers {@code null} and the caller
 * compiles the DRL, which gives the same rules more slowly. The classes must also come from the Drools version on the
 * class path. The DRL stays the source of truth; a test checks that both
 * give identical assessments.
 */
public final class ExecutableModel {

    /** Where the build records the model's class and the fingerprint of the DRL it was compiled from. */
    static final String INDEX = KnowledgeBaseFiles.BUILT_IN_ROOT + "executable-model.properties";

    private static final Logger LOG = LoggerFactory.getLogger(ExecutableModel.class);
    private static final String MODEL_CLASSES = "modelClasses";
    private static final String FINGERPRINT = "drlSha256";
    private static final String DROOLS_VERSION = "droolsVersion";
    private static final String OTHER_VERSION = "they were compiled for Drools ";

    private ExecutableModel() {
    }

    /**
     * The fingerprint of a set of DRL files: SHA-256 over their names and texts, in name order.
     *
     * @param drl text by file name
     * @return lower-case hex
     */
    static String fingerprint(Map<String, String> drl) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(drl).forEach((name, text) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * The precompiled knowledge base for exactly these DRL files, or {@code null} when there is none.
     *
     * @param drl text by file name
     * @return the knowledge base, or {@code null}: compile the DRL instead
     */
    static KieBase load(Map<String, String> drl) {
        Properties index = new Properties();
        try (InputStream in = ExecutableModel.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                LOG.debug("No precompiled rules on the class path; compiling the DRL");
                return null;
            }
            index.load(in);
        } catch (IOException e) {
            LOG.warn("Cannot read {} ({}); compiling the DRL", INDEX, e.getClass().getSimpleName());
            return null;
        }
        String unusable = unusable(index, drl, droolsVersion());
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
            List<Model> models = new ArrayList<>();
            for (String name : index.getProperty(MODEL_CLASSES, "").split(",")) {
                Class<?> type = Class.forName(name.strip(), true, ExecutableModel.class.getClassLoader());
                models.add((Model) type.getConstructor().newInstance());
            }
            return KieBaseBuilder.createKieBaseFromModel(models);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Damaged or partial classes: the DRL gives the same rules.
            LOG.warn("The precompiled rules do not load ({}); compiling the DRL", e.getClass().getSimpleName());
            return null;
        }
    }

    /**
     * Why the precompiled rules described by {@code index} must not be used for {@code drl}, or {@code null} when they
     * may: they must come from exactly this DRL text and from the Drools version running now.
     *
     * @param index         the index the build wrote
     * @param drl           text by file name
     * @param droolsVersion the Drools version on the class path
     * @return the reason, or {@code null}
     */
    static String unusable(Properties index, Map<String, String> drl, String droolsVersion) {
        if (!fingerprint(drl).equals(index.getProperty(FINGERPRINT))) {
            return "the DRL differs from the DRL they were compiled from";
        }
        if (droolsVersion == null || !droolsVersion.equals(index.getProperty(DROOLS_VERSION))) {
            return OTHER_VERSION + index.getProperty(DROOLS_VERSION) + ", not " + droolsVersion;
        }
        return null;
    }

    private static String droolsVersion() {
        return KieServices.class.getPackage().getImplementationVersion();
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
        try {
            // The DRL compiler reports problems with file, line and column; the executable model's compiler loses
            // the lines. So a rule author who breaks a built-in file sees the DRL compiler's report.
            KnowledgeBaseLoader.load(builtIn, false);
        } catch (RuleCompilationException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        Map<String, String> drl = new TreeMap<>();
        builtIn.drl().forEach(f -> drl.put(f.name(), f.content()));

        KieServices services = KieServices.get();
        KieFileSystem files = services.newKieFileSystem();
        drl.forEach((name, text) -> files.write("src/main/resources/" + KnowledgeBaseFiles.BUILT_IN_ROOT + name, text));
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
        int written = 0;
        for (String name : module.getFileNames()) {
            if (name.endsWith("/drools-model") && name.startsWith("META-INF/kie/")) {
                for (String line : new String(module.getBytes(name), StandardCharsets.UTF_8).split("\\R")) {
                    if (!line.isBlank() && !line.contains(":")) {
                        modelClasses.add(line.strip());
                    }
                }
            } else if (name.endsWith(".class") && name.startsWith(KnowledgeBaseFiles.BUILT_IN_ROOT)) {
                write(out.resolve(name), module.getBytes(name));
                written++;
            }
        }
        if (modelClasses.isEmpty() || written == 0) {
            System.err.println("The executable model build produced no model classes");
            System.exit(1);
        }
        // Written by hand rather than Properties.store, which adds the date and so changes the jar at every build.
        String index = "# Written by the build (ExecutableModel.main); do not edit.\n"
                + MODEL_CLASSES + "=" + String.join(",", modelClasses) + "\n"
                + FINGERPRINT + "=" + fingerprint(drl) + "\n"
                + DROOLS_VERSION + "=" + droolsVersion() + "\n";
        Path indexFile = out.resolve(INDEX);
        Files.createDirectories(indexFile.getParent());
        Files.writeString(indexFile, index, StandardCharsets.ISO_8859_1);
        System.out.println("Executable model: " + written + " classes for " + drl.size() + " DRL files");
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
