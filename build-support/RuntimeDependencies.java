import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fails the build when a module's runtime dependencies differ from the list it keeps in
 * {@code src/build/runtime-dependencies.txt}: an unexpected jar (a new transitive dependency, another version) must be
 * a decision, not an accident. Every published module runs it in the {@code verify} phase (see the parent POM).
 *
 * <p>Usage: {@code java RuntimeDependencies.java PACKAGING RESOLVED EXPECTED [--table]}, where RESOLVED is the output
 * of {@code dependency:list} with absolute file names. {@code --table} prints the jars with their sizes as a Markdown
 * table, as docs/integrating.md shows them; {@code --write} writes EXPECTED from what resolves now, for a new module or
 * an intended change (review the result).
 */
public final class RuntimeDependencies {

    private static final String HEADER = """
            # Runtime dependencies of this module, one groupId:artifactId:version a line (dev.ruxo modules without a
            # version). The build fails when the resolved list differs: build-support/RuntimeDependencies.java.
            """;

    private record Jar(String coordinates, String module, long bytes) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: RuntimeDependencies PACKAGING RESOLVED EXPECTED [--table]");
            System.exit(2);
        }
        if (args[0].equals("pom")) {
            return;
        }
        Path resolved = Path.of(args[1]);
        Path expectedFile = Path.of(args[2]);
        TreeMap<String, Jar> actual = new TreeMap<>();
        for (Jar jar : parse(Files.readAllLines(resolved))) {
            actual.put(jar.coordinates(), jar);
        }
        if (args.length > 3 && args[3].equals("--table")) {
            table(actual.values());
            return;
        }
        if (args.length > 3 && args[3].equals("--write")) {
            Files.createDirectories(expectedFile.toAbsolutePath().getParent());
            Files.writeString(expectedFile, HEADER + String.join("\n", actual.keySet()) + "\n");
            System.out.println("Wrote " + expectedFile + ": review it before committing");
            return;
        }
        if (!Files.exists(expectedFile)) {
            System.err.println("No list of expected runtime dependencies: create " + expectedFile
                    + " with one groupId:artifactId:version a line (no version for dev.ruxo modules), or run this"
                    + " program with --write. Resolved now:");
            actual.keySet().forEach(c -> System.err.println("  " + c));
            System.exit(1);
        }
        Set<String> expected = new TreeSet<>();
        for (String line : Files.readAllLines(expectedFile)) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                expected.add(entry);
            }
        }
        Set<String> unexpected = new TreeSet<>(actual.keySet());
        unexpected.removeAll(expected);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual.keySet());
        long bytes = actual.values().stream().mapToLong(Jar::bytes).sum();
        if (unexpected.isEmpty() && missing.isEmpty()) {
            System.out.printf(Locale.ROOT, "Runtime dependencies as expected: %d jars, %.1f MB (%s)%n", actual.size(),
                    bytes / 1_000_000.0, expectedFile);
            return;
        }
        System.err.println("The runtime dependencies differ from " + expectedFile + ":");
        unexpected.forEach(c -> System.err.println("  unexpected: " + c));
        missing.forEach(c -> System.err.println("  no longer resolved: " + c));
        System.err.println("If the change is intended, update that file and the list in docs/integrating.md.");
        System.exit(1);
    }

    /** The jars of a dependency:list output: "group:artifact:type[:classifier]:version:scope:/path -- module m". */
    private static List<Jar> parse(List<String> lines) throws IOException {
        List<Jar> jars = new ArrayList<>();
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty() || !text.contains(":") || text.startsWith("The following")) {
                continue;
            }
            String module = "";
            int marker = text.indexOf(" -- module ");
            if (marker >= 0) {
                module = text.substring(marker + " -- module ".length()).strip();
                text = text.substring(0, marker);
            }
            String[] parts = text.split(":", -1);
            int scope = -1;
            for (int i = 4; i < parts.length; i++) {
                if (parts[i].equals("compile") || parts[i].equals("runtime")) {
                    scope = i;
                    break;
                }
            }
            if (scope < 0) {
                throw new IllegalArgumentException("cannot read the dependency line: " + line);
            }
            String classifier = scope == 5 ? parts[3] : "";
            // The project's own modules without their version, which changes at every release.
            String version = parts[0].equals("dev.ruxo") ? "" : ":" + parts[scope - 1];
            String coordinates = parts[0] + ":" + parts[1] + (classifier.isEmpty() ? "" : ":" + parts[3]) + version;
            Path file = Path.of(String.join(":", List.of(parts).subList(scope + 1, parts.length)));
            jars.add(new Jar(coordinates, module, Files.size(file)));
        }
        return jars;
    }

    private static void table(Iterable<Jar> jars) {
        System.out.println("| jar | module name | size |");
        System.out.println("|---|---|---:|");
        long total = 0;
        int count = 0;
        for (Jar jar : jars) {
            System.out.printf(Locale.ROOT, "| `%s` | %s | %.0f KB |%n", jar.coordinates(), jar.module(),
                    jar.bytes() / 1000.0);
            total += jar.bytes();
            count++;
        }
        System.out.printf(Locale.ROOT, "| **%d jars** | | **%.1f MB** |%n", count, total / 1_000_000.0);
    }
}
