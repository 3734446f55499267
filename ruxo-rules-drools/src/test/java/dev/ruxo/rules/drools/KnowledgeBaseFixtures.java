package dev.ruxo.rules.drools;

import dev.ruxo.rules.drools.internal.KnowledgeBaseFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The built-in knowledge base's files, to change one file at a time in tests. */
public final class KnowledgeBaseFixtures {

    private KnowledgeBaseFixtures() {
    }

    public static KnowledgeBaseFiles builtInWith(String file, UnaryOperator<String> change) {
        Map<String, String> files = new LinkedHashMap<>(KnowledgeBaseFiles.builtIn().files());
        String before = files.get(file);
        if (before == null) {
            throw new IllegalArgumentException("no file " + file + " in " + files.keySet());
        }
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the change to " + file + " changed nothing");
        }
        files.put(file, after);
        return new KnowledgeBaseFiles(files);
    }

    public static KnowledgeBaseFiles builtInPlus(String file, String content) {
        Map<String, String> files = new LinkedHashMap<>(KnowledgeBaseFiles.builtIn().files());
        files.put(file, content);
        String manifest = files.get(KnowledgeBaseFiles.MANIFEST);
        files.put(KnowledgeBaseFiles.MANIFEST, manifest.replaceFirst("(?m)^rules=(.*)$", "rules=$1," + file));
        return new KnowledgeBaseFiles(files);
    }
}
