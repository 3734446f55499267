package dev.ruxo.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RuxoRules finds providers through the thread's context class loader, and tells its versions. */
class ProviderLookupTest {

    /** Registered only through the context class loader the test builds; it records that it was reached. */
    public static final class ContextOnlyProvider implements CheckEngineProvider {

        /** Used by ServiceLoader. */
        public ContextOnlyProvider() {
        }

        @Override
        public String name() {
            return "context-only";
        }

        @Override
        public CheckEngine create() {
            throw new IllegalStateException("the context-only provider was reached");
        }
    }

    private static ClassLoader registering(Path folder) throws IOException {
        Path services = folder.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(CheckEngineProvider.class.getName()),
                ContextOnlyProvider.class.getName() + "\n");
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, ProviderLookupTest.class.getClassLoader());
    }

    @Test
    void aProviderVisibleOnlyToTheContextClassLoaderIsFound(@TempDir Path folder) throws IOException {
        assertThatThrownBy(RuxoRules::newEngine).isInstanceOf(NoEngineProviderException.class);
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (URLClassLoader loader = (URLClassLoader) registering(folder)) {
            thread.setContextClassLoader(loader);
            assertThatThrownBy(RuxoRules::newEngine).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the context-only provider was reached");
            // a provider without clock support refuses a clock instead of ignoring it
            assertThatThrownBy(() -> RuxoRules.newEngine(Clock.systemUTC()))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("context-only");
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    void oneProviderSeenThroughTwoLoadersCountsOnce(@TempDir Path folder) throws IOException {
        ClassLoader loader = registering(folder);
        assertThat(RuxoRules.provider(List.of(loader, loader))).isInstanceOf(ContextOnlyProvider.class);
        ClassLoader child = new URLClassLoader(new URL[0], loader);
        assertThat(RuxoRules.provider(List.of(child, loader))).isInstanceOf(ContextOnlyProvider.class);
    }

    @Test
    void assessmentsCarryTheLibraryAndWireFormatVersions() {
        assertThat(RuxoRules.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        Assessment assessment = Assessment.of(List.of(), new KnowledgeBaseInfo("v", "US", "2025-09"));
        assertThat(assessment.libraryVersion()).isEqualTo(RuxoRules.version());
        assertThat(assessment.wireFormatVersion()).isEqualTo(RuxoRules.WIRE_FORMAT_VERSION).isEqualTo(1);
    }
}
