package dev.ruxo.rules.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The files a doc page shows, each a code block after a {@code <!-- file: PATH -->} marker, written as shown. */
final class DocFiles {

    private static final Pattern FILE_BLOCK = Pattern.compile("<!-- file: (\\S+) -->\\s*```\\w*\\n(.*?)```",
            Pattern.DOTALL);

    private DocFiles() {
    }

    /**
     * Writes every file the page shows under {@code folder}.
     *
     * @param page   the Markdown text
     * @param folder where the paths of the markers are resolved
     * @return how many files were written
     * @throws IOException when a file cannot be written
     */
    static int write(String page, Path folder) throws IOException {
        Matcher m = FILE_BLOCK.matcher(page);
        int files = 0;
        while (m.find()) {
            Path target = folder.resolve(m.group(1));
            Files.createDirectories(target.getParent());
            Files.writeString(target, m.group(2));
            files++;
        }
        return files;
    }
}
