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
 * @param notes entries of a rules folder that were not loaded and are not errors (a README, a sub-folder), each
 *              with its path, for {@code verify} and the engine's warnings
 */
public record KnowledgeBaseFiles(Map<String, String> files, List<RuleMessage> notes) {

    /** The manifest every knowledge base has. */
    public static final String MANIFEST = "knowledge-base.properties";
    /** Where the built-in US knowledge base lives on the class path. */
    public static final String BUILT_IN_ROOT = "dev/ruxo/rules/kb/us/";

    /**
     * Copies the map, keeping its order.
     *
     * @param files file contents by name, in load order
     */
    public KnowledgeBaseFiles {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        notes = List.copyOf(notes);
    }

    /**
     * Files without notes.
     *
     * @param files file contents by name, in load order
     */
    public KnowledgeBaseFiles(Map<String, String> files) {
        this(files, List.of());
    }

    /** What becomes of one entry of a rules folder. */
    private enum Entry {
        /** A DRL, data or manifest file: read. */
        LOAD,
        /** Not a rules file (a README, a sub-folder): not read, reported as a note. */
        IGNORE,
        /** Looks like a rules file but cannot be one (wrong case, a folder, a dangling link): an error. */
        REFUSE
    }

    private static final String BOM = "\uFEFF";

    /**
     * The built-in knowledge base extended by a rules folder, or replaced by it when the folder has its own
     * knowledge-base.properties. Extending: every {@code *.drl} in the folder is added, except that one named like a
     * built-in DRL file replaces it; every data file ({@code parameters.csv}, {@code medications.csv},
     * {@code conditions.csv}, {@code routes.csv}, {@code packages.csv}) adds its rows, and a parameter or route word
     * defined again overrides the built-in value; a FHIR ValueSet file {@code NAME.valueset.json} extends the value set
     * {@code NAME} (see {@code FhirValueSets}). Other files (a README, say) and sub-folders are not read, and each
     * becomes a note in the engine's warnings.
     *
     * @param folder the rules folder
     * @return the files
     * @throws RuleCompilationException when the folder or a file in it cannot be read, or an entry looks like a rules
     *                                  file but cannot be one (another case, a folder, a dangling link, an unknown
     *                                  .csv), each with its path; entries that are not rules files become notes
     */
    public static KnowledgeBaseFiles withFolder(Path folder) {
        List<RuleMessage> errors = new ArrayList<>();
        List<RuleMessage> notes = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            throw new RuleCompilationException(List.of(new RuleMessage(folder.toString(), 0, 0,
                    Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? "is not a folder of rules"
                            : "does not exist")));
        }
        Map<String, String> local = new LinkedHashMap<>();
        List<Path> entries = List.of();
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        } catch (java.nio.file.AccessDeniedException e) {
            errors.add(new RuleMessage(folder.toString(), 0, 0, "cannot be read: permission denied"));
        } catch (IOException | java.io.UncheckedIOException e) {
            errors.add(new RuleMessage(folder.toString(), 0, 0, "cannot be read: " + e.getClass().getSimpleName()));
        }
        for (Path p : entries) {
            List<RuleMessage> why = new ArrayList<>();
            Entry entry = classify(p, why);
            if (entry == Entry.REFUSE) {
                errors.addAll(why);
            } else if (entry == Entry.IGNORE) {
                notes.addAll(why);
            } else {
                String text = readText(p, errors);
                if (text != null) {
                    local.put(p.getFileName().toString(), text);
                }
            }
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
        return new KnowledgeBaseFiles(files, notes);
    }

    /**
     * Decides what becomes of one entry of a rules folder: every entry is either loaded or reported with its path.
     * The one place that knows which files a rules folder may hold.
     *
     * @param p   the entry
     * @param why receives the note or error for an entry that is not loaded
     * @return what to do with it
     */
    private static Entry classify(Path p, List<RuleMessage> why) {
        String file = p.getFileName().toString();
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        boolean known = file.endsWith(".drl") || KnowledgeBaseLoader.DATA_FILES.contains(file) || file.equals(MANIFEST)
                || file.endsWith(FhirValueSets.SUFFIX);
        boolean looksKnown = lower.endsWith(".drl") || lower.endsWith(".csv") || lower.equals(MANIFEST)
                || lower.endsWith(FhirValueSets.SUFFIX);
        if (Files.isSymbolicLink(p) && !Files.exists(p)) {
            return refuse(p, why, "is a symbolic link to something that does not exist");
        }
        if (Files.isDirectory(p)) {
            if (known || looksKnown) {
                return refuse(p, why, "is a folder, not a file: a rules folder's files must be files");
            }
            why.add(new RuleMessage(p.toString(), 0, 0, "sub-folder not read: rules folders are not searched "
                    + "recursively"));
            return Entry.IGNORE;
        }
        if (!Files.isRegularFile(p)) {
            return refuse(p, why, "is not a regular file");
        }
        if (known) {
            return Entry.LOAD;
        }
        if (looksKnown) {
            String expected = KnowledgeBaseLoader.DATA_FILES.stream().filter(n -> n.equalsIgnoreCase(file)).findFirst()
                    .or(() -> lower.equals(MANIFEST) ? java.util.Optional.of(MANIFEST) : java.util.Optional.empty())
                    .orElse(null);
            if (expected != null) {
                return refuse(p, why, "is named like the data file " + expected + " but not exactly; rename it to "
                        + expected);
            }
            if (lower.endsWith(".drl")) {
                return refuse(p, why, "looks like a DRL file but does not end in lower-case .drl; rename it");
            }
            if (lower.endsWith(FhirValueSets.SUFFIX)) {
                return refuse(p, why, "looks like a FHIR ValueSet file but does not end in lower-case "
                        + FhirValueSets.SUFFIX + "; rename it");
            }
            return refuse(p, why, "unknown data file; expected one of " + KnowledgeBaseLoader.DATA_FILES);
        }
        why.add(new RuleMessage(p.toString(), 0, 0, "not read: not a DRL file (*.drl), a data file "
                + KnowledgeBaseLoader.DATA_FILES + ", a FHIR ValueSet file (*" + FhirValueSets.SUFFIX + ") or "
                + MANIFEST));
        return Entry.IGNORE;
    }

    private static Entry refuse(Path p, List<RuleMessage> why, String text) {
        why.add(new RuleMessage(p.toString(), 0, 0, text));
        return Entry.REFUSE;
    }

    /**
     * A file's text: strict UTF-8, a leading byte-order mark dropped. Invalid UTF-8 is an error naming the file and
     * the line, never a silently replaced character.
     */
    static String readText(Path p, List<RuleMessage> errors) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (java.nio.file.AccessDeniedException e) {
            errors.add(new RuleMessage(p.toString(), 0, 0, "cannot be read: permission denied"));
            return null;
        } catch (IOException e) {
            errors.add(new RuleMessage(p.toString(), 0, 0, "cannot be read: " + e.getClass().getSimpleName()));
            return null;
        }
        return decode(p.toString(), bytes, errors);
    }

    static String decode(String name, byte[] bytes, List<RuleMessage> errors) {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            errors.add(new RuleMessage(name, line, at - lineStart + 1, "is not valid UTF-8: byte " + at
                    + " (0x" + String.format("%02X", bytes[at] & 0xff) + ") cannot start or continue a character; "
                    + "save the file as UTF-8"));
            return null;
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith(BOM) ? text.substring(1) : text;
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
            return decode(name, in.readAllBytes(), errors);
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
