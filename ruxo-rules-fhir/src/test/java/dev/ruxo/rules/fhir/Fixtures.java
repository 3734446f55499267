package dev.ruxo.rules.fhir;

import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.RuxoRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** The CDS Hooks request fixtures under src/test/resources/cds-hooks, and one engine for every test class. */
final class Fixtures {

    static final Path DIR = Path.of("src/test/resources/cds-hooks");
    /** The evaluation date every fixture is written for. */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

    private static CheckEngine engine;

    private Fixtures() {
    }

    static synchronized CheckEngine engine() {
        if (engine == null) {
            engine = RuxoRules.newEngine();
        }
        return engine;
    }

    static FhirCheckMapper mapper() {
        return FhirCheckMapper.builder().asOf(AS_OF).build();
    }

    static String read(String name) {
        try {
            return Files.readString(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CdsHooksRequest request(String name) {
        return CdsHooksReader.create().read(read(name));
    }

    /** Fixture names (without .json) that have a wire-format twin {@code NAME.wire.json}. */
    static List<String> withWireTwin() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".wire.json"))
                    .map(n -> n.substring(0, n.length() - ".wire.json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
