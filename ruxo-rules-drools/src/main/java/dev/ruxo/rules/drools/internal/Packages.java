package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.RequestValidation;
import dev.ruxo.rules.RuleMessage;
import dev.ruxo.rules.drools.facts.PackageFact;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** packages.csv: the product's packages by NDC. */
final class Packages {

    static final String FILE = "packages.csv";
    static final List<String> HEADER = List.of("ndc", "grams", "sample", "verified", "description");

    private Packages() {
    }

    static Map<String, PackageFact> read(List<TextFile> files, List<RuleMessage> errors) {
        Map<String, PackageFact> out = new HashMap<>();
        for (CsvTable.Row row : CsvTable.parseAll(files, HEADER, errors)) {
            String ndc = row.get("ndc");
            if (!RequestValidation.isWellFormedNdc(ndc)) {
                errors.add(row.error("ndc", "ndc must be a 10-digit NDC with hyphens or 11 digits but was \""
                        + ndc + "\""));
                continue;
            }
            int grams;
            try {
                grams = Integer.parseInt(row.get("grams"));
            } catch (NumberFormatException e) {
                errors.add(row.error("grams", "grams must be a whole number but was \"" + row.get("grams") + "\""));
                continue;
            }
            Boolean sample = CsvTable.bool(row, "sample", errors);
            CsvTable.bool(row, "verified", errors);
            String description = CsvTable.required(row, "description", errors);
            if (sample == null || description == null) {
                continue;
            }
            String ndc11 = Codes.ndc11(ndc);
            if (out.putIfAbsent(ndc11, new PackageFact(ndc11, grams, sample, description)) != null) {
                errors.add(row.error("ndc", "duplicate package " + ndc));
            }
        }
        return out;
    }
}
