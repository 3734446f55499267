package com.example.quickstart;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.DiseaseSeverity;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.Order;
import dev.ruxo.rules.Patient;
import dev.ruxo.rules.PriorTopicalTherapy;
import dev.ruxo.rules.RuxoRules;
import java.time.LocalDate;

public class QuickStart {
    public static void main(String[] args) {
        CheckEngine engine = RuxoRules.newEngine(); // compiles the rules: build once, share across threads

        CheckRequest request = CheckRequest.builder()
                .asOf(LocalDate.of(2026, 11, 22))
                .patient(Patient.builder().birthDate(LocalDate.of(1990, 4, 2)).build())
                .order(Order.builder()
                        .indication(Coding.icd10cm("L20.9", "Atopic dermatitis, unspecified"))
                        .severity(DiseaseSeverity.MODERATE)
                        .priorTopicalTherapy(PriorTopicalTherapy.INADEQUATE)
                        .bsaPercent("25").quantityGrams(60).daysSupply(7)
                        .build())
                .addMedication(Medication.rxnorm("1876366", "dupilumab 300 MG/2ML", "subcutaneous"))
                .build(); // throws InvalidRequestException listing every bad field

        Assessment assessment = engine.check(request);
        System.out.println(assessment.decision()); // STOP
        for (Finding f : assessment.findings()) {
            System.out.println(f.severity() + " " + f.ruleId() + ": " + f.summary());
        }
    }
}
