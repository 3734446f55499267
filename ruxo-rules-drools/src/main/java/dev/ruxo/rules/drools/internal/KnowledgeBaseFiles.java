package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.RuleCompilationException;
import dev.ruxo.rules.RuleMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The text files that make a knowledge base: one knowledge-base.properties (jurisdiction, label), DRL files, and data
 * files (parameters, value sets, routes, packages). A data kind may come from several files: the built-in one and a
 * rules folder's. Files are known by name: relative to the built-in root, or the path of a rules folder's file.
 *
 * @param files file contents by name, in load order
 */
public record KnowledgeBaseFiles(Map<String, String> files) {

    /** The manifest every knowledge base has. */
    public static final String MANIFEST = "knowledge-base.properties";
    /** Where the built-in US knowledge base lives on the class path. */
    public static final String BUILT_IN_ROOT = "dev/ruxo/rules/kb/us/";

    /**
     * Copies the map, keeping its order.
     */
    public KnowledgeBaseFiles {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /**
     * The built-in knowledge base extended by a rules folder, or replaced by it when the folder has its own
     * knowledge-base.properties. Extending: every {@code *.drl} in the folder is added, except that one named like a
     * built-in DRL file replaces it; every data file ({@code parameters.csv}, {@code medications.csv},
     * {@code conditions.csv}, {@code routes.csv}, {@code packages.csv}) adds its rows, and a parameter or route word
     * defined again overrides the built-in value; a FHIR ValueSet file {@code NAME.valueset.json} extends the value set
     * {@code NAME} (see {@code FhirValueSets}). Other files (a README, say) are ignored; sub-folders are not read.
     *
     * @param folder the rules folder
     * @return the files
     * @throws RuleCompilationException when the folder cannot be read or holds an unknown .csv file
     */
    public static KnowledgeBaseFiles withFolder(Path folder) {
        List<RuleMessage> errors = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            throw new RuleCompilationException(List.of(new RuleMessage(folder.toString(), 0, 0,
                    "is not a folder of rules")));
        }
        Map<String, String> local = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(Files::isRegularFile).sorted().toList()) {
                String file = p.getFileName().toString();
                boolean drl = file.endsWith(".drl");
                boolean data = KnowledgeBaseLoader.DATA_FILES.contains(file) || file.equals(MANIFEST)
                        || file.endsWith(FhirValueSets.SUFFIX);
                if (file.endsWith(".csv") && !data) {
                    errors.add(new RuleMessage(p.toString(), 0, 0, "unknown data file; expected one of "
                            + KnowledgeBaseLoader.DATA_FILES));
                } else if (drl || data) {
                    local.put(file, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            errors.add(new RuleMessage(folder.toString(), 0, 0, "cannot be read: " + e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        Map<String, String> files = new LinkedHashMap<>();
        if (!local.containsKey(MANIFEST)) {
            files.putAll(builtIn().files());
            local.keySet().stream().filter(n -> n.endsWith(".drl")).forEach(files::remove);
        }
        local.forEach((file, text) -> files.put(folder.resolve(file).toString(), text));
        return new KnowledgeBaseFiles(files);
    }

    /**
     * The files whose own name (the last part of their path) is {@code fileName}, in load order.
     *
     * @param fileName such as {@code medications.csv}
     * @return the files
     */
    public List<TextFile> named(String fileName) {
        return files.entrySet().stream().filter(e -> lastSegment(e.getKey()).equals(fileName))
                .map(e -> new TextFile(e.getKey(), e.getValue())).toList();
    }

    /**
     * Every DRL file, in load order.
     *
     * @return the files
     */
    public List<TextFile> drl() {
        return files.entrySet().stream().filter(e -> e.getKey().endsWith(".drl"))
                .map(e -> new TextFile(e.getKey(), e.getValue())).toList();
    }

    private static String lastSegment(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    /**
     * Reads the built-in knowledge base from the class path.
     *
     * @return the files
     * @throws RuleCompilationException when a listed file is missing
     */
    public static KnowledgeBaseFiles builtIn() {
        ClassLoader loader = KnowledgeBaseFiles.class.getClassLoader();
        Map<String, String> files = new LinkedHashMap<>();
        List<RuleMessage> errors = new ArrayList<>();
        String manifest = read(loader, MANIFEST, errors);
        if (manifest == null) {
            throw new RuleCompilationException(errors);
        }
        files.put(MANIFEST, manifest);
        Manifest m = Manifest.parse(manifest, errors);
        List<String> names = new ArrayList<>(m.rules());
        names.addAll(KnowledgeBaseLoader.DATA_FILES);
        for (String name : names) {
            String text = read(loader, name, errors);
            if (text != null) {
                files.put(name, text);
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        return new KnowledgeBaseFiles(files);
    }

    private static String read(ClassLoader loader, String name, List<RuleMessage> errors) {
        try (InputStream in = loader.getResourceAsStream(BUILT_IN_ROOT + name)) {
            if (in == null) {
                errors.add(new RuleMessage(name, 0, 0, "missing from the class path at " + BUILT_IN_ROOT + name));
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            errors.add(new RuleMessage(name, 0, 0, "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    /** The manifest's content; {@code rules} lists the DRL files of the built-in knowledge base on the class path. */
    record Manifest(String jurisdiction, String labelRevision, String labelTitle, String labelUrl, List<String> rules,
                    List<String> recognitionOnlyValueSets) {

        static Manifest parse(String text, List<RuleMessage> errors) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(text));
            } catch (IOException | IllegalArgumentException e) {
                errors.add(new RuleMessage(MANIFEST, 0, 0, "cannot be parsed: " + e.getMessage()));
            }
            return new Manifest(required(p, "jurisdiction", errors), required(p, "labelRevision", errors),
                    required(p, "labelTitle", errors), p.getProperty("labelUrl"), list(p.getProperty("rules")),
                    list(p.getProperty("recognitionOnlyValueSets")));
        }

        private static List<String> list(String commaSeparated) {
            List<String> names = new ArrayList<>();
            if (commaSeparated != null) {
                for (String n : commaSeparated.split(",")) {
                    if (!n.isBlank()) {
                        names.add(n.strip());
                    }
                }
            }
            return names;
        }

        private static String required(Properties p, String key, List<RuleMessage> errors) {
            String v = p.getProperty(key);
            if (v == null || v.isBlank()) {
                errors.add(new RuleMessage(MANIFEST, 0, 0, "property " + key + " is required"));
                return null;
            }
            return v.strip();
        }
    }
}
