package dev.ruxo.rules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's own version, written into a resource by the build. */
final class Version {

    private Version() {
    }

    /**
     * @return the version, such as {@code 0.1.0}, or {@code unknown} outside a Maven build
     */
    static String tool() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
