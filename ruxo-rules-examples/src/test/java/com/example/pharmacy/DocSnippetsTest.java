package com.example.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every code block of the README and docs/ is compiled or run by a test, and every link stays inside the repository.
 * Java blocks must be a whole source file of the build or a {@code docs:begin} region of one (imports included
 * where the block is a file); XML blocks must declare what {@code ruxo-rules-examples} declares; JSON blocks must be
 * a file that tests run; command lines must name jars, classes and files that exist, or be a script CI runs. Blocks
 * of the pages that a dedicated test walks through (authoring-rules.md: AuthoringWalkthroughTest; wire-format.md:
 * WireFormatDocTest) are left to that test, which must exist and read the page.
 */
class DocSnippetsTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("^```(\\w*)\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern REGION = Pattern.compile("// docs:begin [\\w-]+\\n(.*?)// docs:end", Pattern.DOTALL);
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    /** A page, or one section of it ({@code section} non-null: its heading), whose blocks a dedicated test runs. */
    private record Walkthrough(String page, String section, String test) {

        Walkthrough(String page, String test) {
            this(page, null, test);
        }

        /** The part of the page's text that the test walks through. */
        String walked(String text) {
            if (section == null) {
                return text;
            }
            int start = text.indexOf("\n## " + section + "\n");
            if (start < 0) {
                throw new AssertionError(page + " has no section '" + section + "' for " + test);
            }
            int end = text.indexOf("\n## ", start + 1);
            return text.substring(start, end < 0 ? text.length() : end);
        }
    }

    private static final List<Walkthrough> WALKTHROUGHS = List.of(
            new Walkthrough("authoring-rules.md",
                    "ruxo-rules-cli/src/test/java/dev/ruxo/rules/cli/AuthoringWalkthroughTest.java"),
            new Walkthrough("wire-format.md", "ruxo-rules-json/src/test/java/dev/ruxo/rules/json/WireFormatDocTest.java"),
            new Walkthrough("fhir.md", "ruxo-rules-fhir/src/test/java/com/example/ehr/FhirDocExamplesTest.java"),
            new Walkthrough("value-set-files.md",
                    "ruxo-rules-cli/src/test/java/dev/ruxo/rules/cli/ValueSetFilesDocTest.java"),
            new Walkthrough("cds-hooks.md", "ruxo-rules-cli/src/test/java/dev/ruxo/rules/cli/ServiceDocsIT.java"),
            new Walkthrough("README.md", "Run the CDS Hooks service",
                    "ruxo-rules-cli/src/test/java/dev/ruxo/rules/cli/ServiceDocsIT.java"));

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(REPO.resolve("README.md")));
        try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void everyCodeBlockIsCompiledOrRun() throws IOException {
        List<String> sources = sourceTexts();
        String examplesPom = Files.readString(REPO.resolve("ruxo-rules-examples/pom.xml"));
        List<String> unchecked = new ArrayList<>();
        int blocks = 0;
        for (Path page : pages()) {
            String name = page.getFileName().toString();
            String text = Files.readString(page);
            Walkthrough walkthrough = WALKTHROUGHS.stream().filter(w -> w.page().equals(name)).findFirst()
                    .orElse(null);
            String walked = "";
            if (walkthrough != null) {
                assertThat(Files.readString(REPO.resolve(walkthrough.test()))).as(walkthrough.test()).contains(name);
                walked = walkthrough.walked(text);
            }
            Matcher block = BLOCK.matcher(text);
            while (block.find()) {
                blocks++;
                String language = block.group(1);
                String code = block.group(2);
                String where = REPO.relativize(page) + " block " + language + " at \"" + code.lines().findFirst()
                        .orElse("") + "\"";
                if (walkthrough != null && walked.contains(block.group())) {
                    continue;
                }
                boolean checked = switch (language) {
                    case "java" -> sources.stream().anyMatch(s -> normalize(s).equals(normalize(code)))
                            || sources.stream().anyMatch(s -> regions(s).contains(normalize(code)));
                    case "xml" -> dependenciesAreTheExamplesModules(code, examplesPom);
                    case "json" -> isATestedFile(code);
                    case "sh" -> commandsExist(code);
                    default -> false;
                };
                if (!checked) {
                    unchecked.add(where);
                }
            }
        }
        assertThat(blocks).isGreaterThan(20);
        assertThat(unchecked).as("code blocks that no test compiles or runs").isEmpty();
    }

    @Test
    void everyLinkPointsToAFileInTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            String text = Files.readString(page);
            assertThat(text).as(page.toString()).doesNotContain("shared/contract").doesNotContain("shared/clinical");
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("http") || target.startsWith("#")) {
                    continue;
                }
                Path file = page.getParent().resolve(target.replaceAll("#.*", "")).normalize();
                if (!file.startsWith(REPO) || !Files.exists(file)) {
                    broken.add(REPO.relativize(page) + " -> " + target);
                }
            }
        }
        assertThat(broken).as("links outside the repository or to missing files").isEmpty();
    }

    /** Every dependency the block declares is declared alike by the examples module; a BOM import names the BOM. */
    private static boolean dependenciesAreTheExamplesModules(String xml, String examplesPom) {
        List<String> declared = new ArrayList<>();
        Matcher ours = DEPENDENCY.matcher(examplesPom);
        while (ours.find()) {
            declared.add(coordinates(ours.group(1)));
        }
        Matcher theirs = DEPENDENCY.matcher(xml);
        int found = 0;
        while (theirs.find()) {
            found++;
            String dependency = theirs.group(1);
            if (dependency.contains("<scope>import</scope>")) {
                if (!dependency.contains("<artifactId>ruxo-rules-bom</artifactId>")) {
                    return false;
                }
                continue;
            }
            if (!declared.contains(coordinates(dependency))) {
                return false;
            }
        }
        return found > 0;
    }

    private static String coordinates(String dependency) {
        return tag(dependency, "groupId") + ":" + tag(dependency, "artifactId") + ":"
                + (tag(dependency, "scope").isEmpty() ? "compile" : tag(dependency, "scope"));
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : "";
    }

    /** A JSON file under a folder whose files tests run: examples/, scenarios/ or a module's test resources. */
    private static boolean isATestedFile(String json) throws IOException {
        try (Stream<Path> files = Files.walk(REPO, 8)) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("/target/"))
                    .filter(p -> {
                        String path = REPO.relativize(p).toString();
                        return path.startsWith("examples/") || path.startsWith("scenarios/")
                                || path.contains("/src/test/resources/");
                    })
                    .anyMatch(p -> {
                        try {
                            return normalize(Files.readString(p)).equals(normalize(json));
                        } catch (IOException e) {
                            return false;
                        }
                    });
        }
    }

    /**
     * Each command names things that exist: a jar under {@code <module>/target/} that a module builds (its
     * finalName), a main class among the sources, a script or file of the repository.
     */
    private static boolean commandsExist(String script) throws IOException {
        String joined = script.replace("\\\n", " ");
        for (String line : joined.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String[] words = line.split("\\s+");
            if (words[0].equals("bash") && words.length > 1) {
                words = java.util.Arrays.copyOfRange(words, 1, words.length);
            }
            if (words[0].startsWith("build-support/") || words[0].equals("./run-tests")) {
                // a script of the repository that CI runs
                if (!Files.isExecutable(REPO.resolve(words[0]))
                        || !Files.readString(REPO.resolve(".ci/run")).contains(words[0])) {
                    return false;
                }
                continue;
            }
            if (words[0].startsWith("scripts/")) {
                // a tool of the repository that CI does not run (it takes minutes): it must exist and be executable
                if (!Files.isExecutable(REPO.resolve(words[0]))) {
                    return false;
                }
                continue;
            }
            if (!Set.of("java", "./mvnw", "python3", "./ruxo").contains(words[0])) {
                return false;
            }
            for (int i = 1; i < words.length; i++) {
                String word = words[i].replace("\"", "");
                if (word.matches("[\\w-]+/target/[\\w.-]+\\.jar")) {
                    String module = word.substring(0, word.indexOf('/'));
                    String finalName = word.substring(word.lastIndexOf('/') + 1, word.length() - ".jar".length());
                    if (!Files.readString(REPO.resolve(module).resolve("pom.xml"))
                            .contains("<finalName>" + finalName + "</finalName>")) {
                        return false;
                    }
                } else if (word.matches("dev\\.ruxo\\.[\\w.]+\\.[A-Z]\\w+")) {
                    if (sourceFile(word) == null) {
                        return false;
                    }
                } else if (word.matches("[\\w./-]+\\.(json|py|md)") && !word.contains("*")
                        && !Files.exists(REPO.resolve(word)) && !isOutputFile(words, i)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Files a command writes (after -rff or --output) need not exist. */
    private static boolean isOutputFile(String[] words, int i) {
        return i > 0 && (words[i - 1].equals("-rff") || words[i - 1].equals("--output"))
                || i > 1 && words[i - 2].equals("-rff")
                || words[0].equals("python3") && i > 1;
    }

    private static Path sourceFile(String className) throws IOException {
        String file = className.replace('.', '/') + ".java";
        try (Stream<Path> modules = Files.list(REPO)) {
            return modules.map(m -> m.resolve("src/main/java").resolve(file)).filter(Files::exists).findFirst()
                    .orElse(null);
        }
    }

    /** Every Java file under a module's src/ (main and test sources, and test resources compiled by tests). */
    private static List<String> sourceTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(REPO, 12)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/")
                    && !p.toString().contains("/target/")).toList()) {
                texts.add(Files.readString(file));
            }
        }
        return texts;
    }

    private static List<String> regions(String source) {
        List<String> regions = new ArrayList<>();
        Matcher m = REGION.matcher(source);
        while (m.find()) {
            regions.add(normalize(m.group(1)));
        }
        return regions;
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
