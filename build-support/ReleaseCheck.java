import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a staged release against what Maven Central requires, for every module the reactor publishes.
 *
 * <p>Usage: {@code java ReleaseCheck.java PROJECT_ROOT STAGING_FOLDER}. The published modules are the root POM and
 * every module it lists that does not set {@code maven.deploy.skip} to true. For each one the staging folder must
 * hold the POM and, unless it is a POM-only module, the jar and its sources and javadoc jars; each file with a
 * {@code .asc} signature and MD5, SHA-1, SHA-256 and SHA-512 checksums that match. The POM (with what it inherits)
 * must carry name, description, url, a licence, scm and developers, and url and scm must be the project's own, not
 * the project's with the module's folder appended. Every jar carries META-INF/LICENSE and META-INF/NOTICE, and the
 * main jar's module name is {@code dev.} followed by the artifactId with dots for dashes. Signatures are checked by
 * the calling script with gpg. Prints one line per module and exits 1 on the first module with problems listed.
 */
public final class ReleaseCheck {

    private static final List<String> CHECKSUMS = List.of("md5", "sha1", "sha256", "sha512");
    private static final Map<String, String> DIGESTS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256",
            "sha512", "SHA-512");

    private record Module(String artifactId, String packaging, Path pom) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ReleaseCheck PROJECT_ROOT STAGING_FOLDER");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        Path staging = Path.of(args[1]);
        Document rootPom = read(root.resolve("pom.xml"));
        String groupId = text(rootPom.getDocumentElement(), "groupId");
        String version = text(rootPom.getDocumentElement(), "version");
        List<Module> published = new ArrayList<>();
        List<String> unpublished = new ArrayList<>();
        published.add(new Module(text(rootPom.getDocumentElement(), "artifactId"), "pom", root.resolve("pom.xml")));
        for (Element module : children(child(rootPom.getDocumentElement(), "modules"), "module")) {
            Path pom = root.resolve(module.getTextContent().strip()).resolve("pom.xml");
            Element project = read(pom).getDocumentElement();
            String packaging = text(project, "packaging");
            Element properties = child(project, "properties");
            boolean skipped = properties != null && "true".equals(text(properties, "maven.deploy.skip"));
            String artifactId = text(project, "artifactId");
            if (skipped) {
                unpublished.add(artifactId);
            } else {
                published.add(new Module(artifactId, packaging == null ? "jar" : packaging, pom));
            }
        }
        Path groupFolder = staging.resolve(groupId.replace('.', '/'));
        List<String> problems = new ArrayList<>();
        for (String artifactId : unpublished) {
            if (Files.exists(groupFolder.resolve(artifactId))) {
                problems.add(artifactId + " sets maven.deploy.skip but is in the bundle: add it to excludeArtifacts");
            }
        }
        Set<String> stagedArtifacts = new TreeSet<>();
        if (Files.isDirectory(groupFolder)) {
            try (Stream<Path> list = Files.list(groupFolder)) {
                list.forEach(p -> stagedArtifacts.add(p.getFileName().toString()));
            }
        }
        Map<String, Element> poms = new LinkedHashMap<>();
        int files = 0;
        for (Module module : published) {
            stagedArtifacts.remove(module.artifactId());
            Path folder = groupFolder.resolve(module.artifactId()).resolve(version);
            String base = module.artifactId() + "-" + version;
            List<String> names = new ArrayList<>(List.of(base + ".pom"));
            if (!module.packaging().equals("pom")) {
                names.addAll(List.of(base + ".jar", base + "-sources.jar", base + "-javadoc.jar"));
            }
            List<String> own = new ArrayList<>();
            for (String name : names) {
                Path file = folder.resolve(name);
                if (!Files.isRegularFile(file)) {
                    own.add("missing " + name);
                    continue;
                }
                files++;
                if (!Files.isRegularFile(folder.resolve(name + ".asc"))) {
                    own.add("no signature " + name + ".asc");
                }
                for (String kind : CHECKSUMS) {
                    checksum(folder, name, kind, own, true);
                    // Central needs none for signatures; where the bundle has them, they must match
                    checksum(folder, name + ".asc", kind, own, false);
                }
                if (name.endsWith(".jar")) {
                    licenceFiles(file, own);
                }
            }
            String moduleName = null;
            if (!module.packaging().equals("pom") && Files.isRegularFile(folder.resolve(base + ".jar"))) {
                moduleName = moduleName(folder.resolve(base + ".jar"));
                String expected = "dev." + module.artifactId().replace('-', '.');
                if (!expected.equals(moduleName)) {
                    own.add("module name " + moduleName + ", expected " + expected);
                }
            }
            Path pomFile = folder.resolve(base + ".pom");
            if (Files.isRegularFile(pomFile)) {
                Element pom = read(pomFile).getDocumentElement();
                poms.put(module.artifactId(), pom);
                metadata(pom, poms, own);
            }
            if (own.isEmpty()) {
                System.out.printf("ok  %s:%s:%s  %s%s%n", groupId, module.artifactId(), version,
                        String.join(" ", names.stream().map(n -> n.substring(base.length())).toList()),
                        moduleName == null ? "" : "  module " + moduleName);
            } else {
                System.out.printf("BAD %s:%s:%s%n", groupId, module.artifactId(), version);
                own.forEach(p -> System.out.println("      " + p));
                problems.addAll(own.stream().map(p -> module.artifactId() + ": " + p).toList());
            }
        }
        for (String extra : stagedArtifacts) {
            problems.add("the bundle holds " + extra + ", which is no published module of the reactor");
        }
        if (!problems.isEmpty()) {
            System.out.println(problems.size() + " problem(s):");
            problems.forEach(p -> System.out.println("  " + p));
            System.exit(1);
        }
        System.out.printf("Release %s: %d modules, %d files, each signed and with %d checksums; POM metadata complete;"
                + " not published: %s%n", version, published.size(), files, CHECKSUMS.size(),
                unpublished.isEmpty() ? "none" : String.join(", ", unpublished));
    }

    private static void checksum(Path folder, String name, String kind, List<String> problems, boolean required)
            throws IOException {
        Path sum = folder.resolve(name + "." + kind);
        if (!Files.isRegularFile(folder.resolve(name))) {
            return;
        }
        if (!Files.isRegularFile(sum)) {
            if (required) {
                problems.add("no checksum " + sum.getFileName());
            }
            return;
        }
        String declared = Files.readString(sum).strip().split("\\s+")[0];
        String actual;
        try {
            actual = HexFormat.of().formatHex(MessageDigest.getInstance(DIGESTS.get(kind))
                    .digest(Files.readAllBytes(folder.resolve(name))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!declared.equalsIgnoreCase(actual)) {
            problems.add("wrong checksum " + sum.getFileName());
        }
    }

    private static void licenceFiles(Path jar, List<String> problems) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String entry : List.of("META-INF/LICENSE", "META-INF/NOTICE")) {
                ZipEntry found = zip.getEntry(entry);
                if (found == null || found.getSize() == 0) {
                    problems.add(jar.getFileName() + " has no " + entry);
                }
            }
        }
    }

    private static String moduleName(Path jar) {
        Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
        return found.isEmpty() ? "none" : found.iterator().next().descriptor().name();
    }

    /** Central's required elements, looked up in the POM and, for those it inherits, in its parent's. */
    private static void metadata(Element pom, Map<String, Element> poms, List<String> problems) {
        Element parentPom = null;
        Element parent = child(pom, "parent");
        if (parent != null) {
            parentPom = poms.get(text(parent, "artifactId"));
            if (parentPom == null) {
                problems.add("its parent " + text(parent, "artifactId") + " is not in the bundle");
            }
        }
        for (String element : List.of("name", "description")) {
            if (blank(text(pom, element))) {
                problems.add("no <" + element + ">");
            }
        }
        String url = inherited(pom, parentPom, "url", "child.project.url.inherit.append.path", problems);
        if (blank(url)) {
            problems.add("no <url>");
        }
        Element licenses = inheritedElement(pom, parentPom, "licenses");
        if (licenses == null || children(licenses, "license").stream()
                .anyMatch(l -> blank(text(l, "name")) || blank(text(l, "url")))
                || children(licenses, "license").isEmpty()) {
            problems.add("no licence with name and url");
        }
        Element developers = inheritedElement(pom, parentPom, "developers");
        if (developers == null || children(developers, "developer").isEmpty()
                || children(developers, "developer").stream().anyMatch(d -> blank(text(d, "name")))) {
            problems.add("no developer with a name");
        }
        Element scm = child(pom, "scm");
        Element parentScm = parentPom == null ? null : child(parentPom, "scm");
        if (scm == null && parentScm == null) {
            problems.add("no <scm>");
            return;
        }
        for (String element : List.of("url", "connection", "developerConnection")) {
            String own = scm == null ? null : text(scm, element);
            if (own == null && parentScm != null && text(parentScm, element) != null) {
                if (!"false".equals(parentScm.getAttribute("child.scm." + element + ".inherit.append.path"))) {
                    problems.add("scm " + element + " inherits the parent's with the module's folder appended");
                }
                own = text(parentScm, element);
            }
            if (blank(own) && !element.equals("developerConnection")) {
                problems.add("no scm <" + element + ">");
            }
        }
    }

    /** The value as Maven gives it to a child: its own, or the parent's, which must not get a folder appended. */
    private static String inherited(Element pom, Element parentPom, String element, String appendAttribute,
            List<String> problems) {
        String own = text(pom, element);
        if (own != null || parentPom == null) {
            return own;
        }
        String parents = text(parentPom, element);
        if (parents != null && !"false".equals(parentPom.getAttribute(appendAttribute))) {
            problems.add("<" + element + "> inherits the parent's with the module's folder appended");
        }
        return parents;
    }

    private static Element inheritedElement(Element pom, Element parentPom, String element) {
        Element own = child(pom, element);
        return own != null || parentPom == null ? own : child(parentPom, element);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Document read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }
}
