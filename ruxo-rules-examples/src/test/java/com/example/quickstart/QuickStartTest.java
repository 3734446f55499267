package com.example.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The README's Java quick start is {@link QuickStart} (DocSnippetsTest holds the two equal, ModulePathTest runs it on
 * the module path); here it runs on the class path, as most applications will run it, and prints what the README says.
 */
class QuickStartTest {

    @Test
    void quickStartPrintsStopWithTheBsaAndBiologicFindings() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("STOP").contains("CRITICAL RUXO-DOSE-BSA-AD").contains("CRITICAL RUXO-DDI-BIOLOGIC");
    }
}
