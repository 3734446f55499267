package dev.ruxo.rules.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * What to tell a user whose installation is broken: a class that cannot be loaded means the lib/ folder beside the
 * jar is missing, or a jar in it is. This class names no other class of the project, so it loads even when the
 * project's own jars in lib/ are missing.
 */
final class Installation {

    private Installation() {
    }

    /**
     * One line about a class that could not be loaded, naming the folder to look at.
     *
     * @param e the failure
     * @return the line, without a stack trace
     */
    static String describe(LinkageError e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        Path lib = libFolder();
        if (lib == null) {
            return "a required class could not be loaded (" + what + "); the class path is incomplete";
        }
        if (!Files.isDirectory(lib)) {
            return "a required class could not be loaded (" + what + "): the folder " + lib + " is missing; keep "
                    + "the lib/ folder that the build puts beside ruxo-rules-cli.jar";
        }
        return "a required class could not be loaded (" + what + "): a jar in " + lib + " is missing, broken or "
                + "of the wrong version; rebuild, or copy the whole lib/ folder again";
    }

    /** The lib/ folder beside the running jar; null when not run from a jar. */
    private static Path libFolder() {
        try {
            CodeSource source = Installation.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path jar = Path.of(source.getLocation().toURI());
            return jar.toString().endsWith(".jar") ? jar.resolveSibling("lib") : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
