package dev.ruxo.rules.cli;

import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.NoEngineProviderException;
import dev.ruxo.rules.RuleCompilationException;
import dev.ruxo.rules.RuleMessage;
import dev.ruxo.rules.SafeText;
import dev.ruxo.rules.drools.DroolsCheckEngine;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds the engine once per command, turning every way that can fail into a message on standard error. */
final class Engines {

    private Engines() {
    }

    /**
     * Builds the engine.
     *
     * @param env where to build it from and where to complain
     * @return the engine, or empty after printing why there is none
     */
    static Optional<CheckEngine> build(Environment env) {
        return build(env, null).map(CheckEngine.class::cast);
    }

    /**
     * Builds the engine, from the built-in knowledge base extended by {@code rules} when it is given.
     *
     * @param env   where to build it from and where to complain
     * @param rules a rules folder; null for the built-in knowledge base from the environment's supplier
     * @return the engine, or empty after printing why there is none
     */
    static Optional<? extends CheckEngine> build(Environment env, Path rules) {
        return build(env, rules, false);
    }

    /**
     * Builds the engine, from the built-in knowledge base extended by {@code rules} when it is given.
     *
     * @param env         where to build it from and where to complain
     * @param rules       a rules folder; null for the built-in knowledge base from the environment's supplier
     * @param allowUnsafe accept site DRL that the guard rails refuse
     * @return the engine, or empty after printing why there is none
     */
    static Optional<? extends CheckEngine> build(Environment env, Path rules, boolean allowUnsafe) {
        return attempt(env, () -> rules == null ? env.engines().get()
                : DroolsCheckEngine.builder().rulesFolder(rules).allowUnsafeRules(allowUnsafe).build());
    }

    /**
     * Builds a Drools engine, for the commands that read its knowledge base (catalog, verify).
     *
     * @param env   where to complain
     * @param rules a rules folder; null for the built-in knowledge base
     * @return the engine, or empty after printing why there is none
     */
    static Optional<DroolsCheckEngine> drools(Environment env, Path rules) {
        return drools(env, rules, false);
    }

    /**
     * Builds a Drools engine, for the commands that read its knowledge base (catalog, verify).
     *
     * @param env         where to complain
     * @param rules       a rules folder; null for the built-in knowledge base
     * @param allowUnsafe accept site DRL that the guard rails refuse
     * @return the engine, or empty after printing why there is none
     */
    static Optional<DroolsCheckEngine> drools(Environment env, Path rules, boolean allowUnsafe) {
        return attempt(env, () -> rules == null ? DroolsCheckEngine.builder().build()
                : DroolsCheckEngine.builder().rulesFolder(rules).allowUnsafeRules(allowUnsafe).build());
    }

    private static <E extends CheckEngine> Optional<E> attempt(Environment env, Supplier<E> builder) {
        try {
            E engine = builder.get();
            if (engine == null) {
                env.err().println(Main.PROGRAM + ": no engine was built");
                return Optional.empty();
            }
            return Optional.of(engine);
        } catch (RuleCompilationException e) {
            env.err().println(Main.PROGRAM + ": the knowledge base does not compile ("
                    + e.messages().size() + " problem" + (e.messages().size() == 1 ? "" : "s") + "):");
            for (RuleMessage m : e.messages()) {
                env.err().println(SafeText.clean(m.toString()));
            }
        } catch (NoEngineProviderException e) {
            env.err().println(Main.PROGRAM + ": " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            env.err().println(Main.PROGRAM + ": the engine could not be built: " + describe(e));
        }
        return Optional.empty();
    }

    /**
     * A failure in one line, without a stack trace: the message, or the type when there is none. A class that cannot
     * be loaded is a broken installation, and the line says which folder to look at.
     */
    static String describe(Throwable e) {
        if (e instanceof LinkageError) {
            return Installation.describe((LinkageError) e);
        }
        String message = e.getMessage();
        return SafeText.cut(message == null || message.isBlank() ? e.getClass().getName() : message, 500);
    }
}
