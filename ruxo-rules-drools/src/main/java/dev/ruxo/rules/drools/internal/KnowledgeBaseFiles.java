package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.RuleCompilationException;
import dev.ruxo.rules.RuleMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The text files that make a knowledge base: knowledge-base.properties (jurisdiction, label, DRL file list), the
 * DRL files and the data files, by name relative to the knowledge-base root.
 *
 * @param files file contents by relative name, in load order
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

    /** The manifest's content. */
    record Manifest(String jurisdiction, String labelRevision, String labelTitle, String labelUrl, List<String> rules) {

        static Manifest parse(String text, List<RuleMessage> errors) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(text));
            } catch (IOException | IllegalArgumentException e) {
                errors.add(new RuleMessage(MANIFEST, 0, 0, "cannot be parsed: " + e.getMessage()));
            }
            String rules = required(p, "rules", errors);
            List<String> names = new ArrayList<>();
            if (rules != null) {
                for (String n : rules.split(",")) {
                    if (!n.isBlank()) {
                        names.add(n.strip());
                    }
                }
            }
            return new Manifest(required(p, "jurisdiction", errors), required(p, "labelRevision", errors),
                    required(p, "labelTitle", errors), p.getProperty("labelUrl"), names);
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
