package dev.ruxo.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Entry point that finds the engine implementation on the class path or module path, and tells which library and
 * wire-format versions are running.
 *
 * @since 0.1.0
 */
public final class RuxoRules {

    /**
     * The version of the JSON wire format that the API types mirror and {@link Assessment#wireFormatVersion()} names.
     * It changes only when a field is renamed or removed; adding optional fields keeps it.
     */
    public static final int WIRE_FORMAT_VERSION = 1;

    private static final String VERSION_RESOURCE = "library.properties";

    private RuxoRules() {
    }

    /**
     * Builds an engine with the built-in knowledge base through the single {@link CheckEngineProvider} present.
     * Building loads the knowledge base (about half a second): do it once and share the engine. Requests without
     * {@code asOf} are evaluated as of today in the JVM's default time zone.
     *
     * @return a new engine
     * @throws NoEngineProviderException when there is no provider, or more than one
     * @throws RuleCompilationException  when the knowledge base does not compile
     */
    public static CheckEngine newEngine() {
        return provider().create();
    }

    /**
     * Builds an engine like {@link #newEngine()} whose "today", for requests without {@code asOf}, comes from
     * {@code clock}: the date in the clock's zone.
     *
     * @param clock the clock the engine reads today from
     * @return a new engine
     * @throws NoEngineProviderException when there is no provider, or more than one
     * @throws RuleCompilationException  when the knowledge base does not compile
     * @throws UnsupportedOperationException when the provider cannot take a clock
     * @since 0.1.0
     */
    public static CheckEngine newEngine(Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        return provider().create(clock);
    }

    /**
     * The version of the ruxo-rules library, such as {@code 0.1.0}; every assessment carries it.
     *
     * @return the version the build recorded in this jar
     */
    public static String version() {
        return LibraryVersion.VALUE;
    }

    /**
     * The provider the thread's context class loader finds, or the one this class's loader finds: an application
     * server or plugin host that loads the engine in the context loader is served as well as a flat class path.
     */
    private static CheckEngineProvider provider() {
        List<ClassLoader> loaders = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        ClassLoader own = RuxoRules.class.getClassLoader();
        if (!loaders.contains(own)) {
            loaders.add(own);
        }
        return provider(loaders);
    }

    /**
     * The single provider the loaders find together; one class found through several loaders counts once.
     *
     * @param loaders where to look, in order
     * @return the provider
     * @throws NoEngineProviderException when there is none, or more than one
     */
    static CheckEngineProvider provider(List<ClassLoader> loaders) {
        Map<Class<?>, CheckEngineProvider> found = new LinkedHashMap<>();
        for (ClassLoader loader : loaders) {
            for (ServiceLoader.Provider<CheckEngineProvider> p
                    : ServiceLoader.load(CheckEngineProvider.class, loader).stream().toList()) {
                found.computeIfAbsent(p.type(), t -> p.get());
            }
        }
        if (found.isEmpty()) {
            throw new NoEngineProviderException("No implementation of " + CheckEngineProvider.class.getName()
                    + " was found. Add the dependency dev.ruxo:ruxo-rules-drools to the class path or module path.");
        }
        if (found.size() > 1) {
            throw new NoEngineProviderException("Found " + found.size() + " implementations of "
                    + CheckEngineProvider.class.getName() + " (" + found.values().stream()
                            .map(p -> p.name() + " = " + p.getClass().getName()).collect(Collectors.joining(", "))
                    + "); keep exactly one on the path, or build the engine you want directly.");
        }
        return found.values().iterator().next();
    }

    /**
     * The provider {@code loader} finds.
     *
     * @param loader where to look
     * @return the provider
     * @throws NoEngineProviderException when there is none, or more than one
     */
    static CheckEngineProvider provider(ClassLoader loader) {
        return provider(List.of(loader));
    }

    /** Read once, on first use. */
    private static final class LibraryVersion {
        static final String VALUE = read();

        private LibraryVersion() {
        }

        private static String read() {
            Properties properties = new Properties();
            try (InputStream in = RuxoRules.class.getResourceAsStream(VERSION_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the build left no " + VERSION_RESOURCE + " beside "
                            + RuxoRules.class.getName());
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String version = properties.getProperty("version");
            if (version == null || version.isBlank() || version.contains("${")) {
                throw new IllegalStateException(VERSION_RESOURCE + " holds no version");
            }
            return version;
        }
    }
}
