package dev.ruxo.rules;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Entry point that finds the engine implementation on the class path or module path.
 *
 * @since 0.1.0
 */
public final class RuxoRules {

    private RuxoRules() {
    }

    /**
     * Builds an engine with the built-in knowledge base through the single {@link CheckEngineProvider} present.
     * Building loads the knowledge base (about half a second): do it once and share the engine.
     *
     * @return a new engine
     * @throws NoEngineProviderException when there is no provider, or more than one
     * @throws RuleCompilationException  when the knowledge base does not compile
     */
    public static CheckEngine newEngine() {
        return provider(RuxoRules.class.getClassLoader()).create();
    }

    static CheckEngineProvider provider(ClassLoader loader) {
        List<CheckEngineProvider> found = ServiceLoader.load(CheckEngineProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        if (found.isEmpty()) {
            throw new NoEngineProviderException("No implementation of " + CheckEngineProvider.class.getName()
                    + " was found. Add the dependency dev.ruxo:ruxo-rules-drools to the class path or module path.");
        }
        if (found.size() > 1) {
            throw new NoEngineProviderException("Found " + found.size() + " implementations of "
                    + CheckEngineProvider.class.getName() + " ("
                    + found.stream().map(p -> p.name() + " = " + p.getClass().getName()).collect(Collectors.joining(", "))
                    + "); keep exactly one on the path, or build the engine you want directly.");
        }
        return found.get(0);
    }
}
