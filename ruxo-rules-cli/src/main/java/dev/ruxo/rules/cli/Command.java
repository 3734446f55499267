package dev.ruxo.rules.cli;

import java.util.List;

/** One verb of the tool, such as {@code check}. Add a verb by implementing this and listing it in {@link Main}. */
interface Command {

    /**
     * @return the verb, as typed on the command line
     */
    String name();

    /**
     * @return the arguments after the verb, for the usage line, such as {@code [--format text|json] FILE...}
     */
    String synopsis();

    /**
     * @return one line saying what the command does
     */
    String summary();

    /**
     * @return the full help text of the command, ending with a newline
     */
    String help();

    /**
     * Runs the command.
     *
     * @param args the arguments after the verb
     * @param env  streams and the engine
     * @return the exit status, one of {@link ExitStatus}
     * @throws UsageException when the arguments are wrong; nothing has been printed to standard output then
     */
    int run(List<String> args, Environment env) throws UsageException;

    /**
     * @return true for a command whose normal end is a signal (a service): a stop then is not an unfinished run
     */
    default boolean runsUntilStopped() {
        return false;
    }
}
