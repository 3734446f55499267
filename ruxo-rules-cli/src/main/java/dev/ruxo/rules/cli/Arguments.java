package dev.ruxo.rules.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** Option values shared by the commands. */
final class Arguments {

    private Arguments() {
    }

    /** The folder after option {@code option} at {@code args[index]}, which must exist. */
    static Path folder(String option, List<String> args, int index) throws UsageException {
        Path path = path(option, args, index);
        if (!Files.isDirectory(path)) {
            throw new UsageException("option " + option + " needs a folder, and " + path + " is not one");
        }
        return path;
    }

    /** The path after option {@code option} at {@code args[index]}. */
    static Path path(String option, List<String> args, int index) throws UsageException {
        if (index >= args.size()) {
            throw new UsageException("option " + option + " needs a value");
        }
        try {
            return Path.of(args.get(index));
        } catch (InvalidPathException e) {
            throw new UsageException("option " + option + " needs a path, and '" + args.get(index) + "' is not one");
        }
    }
}
