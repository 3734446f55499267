package dev.ruxo.rules.json.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.Dispense;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.KnowledgeBaseInfo;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.Order;
import dev.ruxo.rules.Patient;
import dev.ruxo.rules.Source;
import dev.ruxo.rules.Violation;
import dev.ruxo.rules.WireValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Builds wire-format trees from the API records, fields in the order the contract lists them. Optional request
 * fields that are null are left out rather than written as {@code null}.
 */
public final class TreeWriter {

    private static final JsonNodeFactory NODES = Mappers.mapper().getNodeFactory();

    private TreeWriter() {
    }

    /**
     * @param assessment the assessment
     * @return {@code {decision, findings, knowledgeBase, libraryVersion, wireFormatVersion}}
     */
    public static ObjectNode assessment(Assessment assessment) {
        ObjectNode node = NODES.objectNode();
        node.put("decision", assessment.decision().wireValue());
        ArrayNode findings = node.putArray("findings");
        for (Finding finding : assessment.findings()) {
            findings.add(finding(finding));
        }
        node.set("knowledgeBase", knowledgeBase(assessment.knowledgeBase()));
        node.put("libraryVersion", assessment.libraryVersion());
        node.put("wireFormatVersion", assessment.wireFormatVersion());
        return node;
    }

    private static ObjectNode finding(Finding finding) {
        ObjectNode node = NODES.objectNode();
        node.put("ruleId", finding.ruleId());
        node.put("category", finding.category().wireValue());
        node.put("severity", finding.severity().wireValue());
        node.put("summary", finding.summary());
        if (finding.detail() != null) {
            node.put("detail", finding.detail());
        }
        node.set("source", source(finding.source()));
        node.put("overridable", finding.overridable());
        return node;
    }

    private static ObjectNode source(Source source) {
        ObjectNode node = NODES.objectNode();
        node.put("label", source.label());
        node.put("section", source.section());
        node.put("revision", source.revision());
        if (source.url() != null) {
            node.put("url", source.url());
        }
        node.put("verified", source.verified());
        return node;
    }

    private static ObjectNode knowledgeBase(KnowledgeBaseInfo info) {
        ObjectNode node = NODES.objectNode();
        node.put("version", info.version());
        node.put("jurisdiction", info.jurisdiction());
        node.put("labelRevision", info.labelRevision());
        return node;
    }

    /**
     * @param violations at least one violation
     * @return {@code {"error":"INVALID_REQUEST","violations":[{field, message}…]}}
     */
    public static ObjectNode invalidRequest(List<Violation> violations) {
        ObjectNode node = NODES.objectNode();
        node.put("error", "INVALID_REQUEST");
        ArrayNode list = node.putArray("violations");
        for (Violation violation : violations) {
            list.addObject().put("field", violation.field()).put("message", violation.message());
        }
        return node;
    }

    /**
     * @param request the request
     * @return the request in wire form
     */
    public static ObjectNode request(CheckRequest request) {
        ObjectNode node = NODES.objectNode();
        putDate(node, "asOf", request.asOf());
        if (request.patient() != null) {
            node.set("patient", patient(request.patient()));
        }
        if (request.order() != null) {
            node.set("order", order(request.order()));
        }
        if (!request.medications().isEmpty()) {
            ArrayNode list = node.putArray("medications");
            request.medications().forEach(m -> list.add(medication(m)));
        }
        if (!request.dispenses().isEmpty()) {
            ArrayNode list = node.putArray("dispenses");
            request.dispenses().forEach(d -> list.add(dispense(d)));
        }
        return node;
    }

    private static ObjectNode patient(Patient patient) {
        ObjectNode node = NODES.objectNode();
        putDate(node, "birthDate", patient.birthDate());
        putInteger(node, "ageYears", patient.ageYears());
        putEnum(node, "sex", patient.sex());
        putBoolean(node, "pregnant", patient.pregnant());
        putBoolean(node, "breastfeeding", patient.breastfeeding());
        putBoolean(node, "immunocompromised", patient.immunocompromised());
        putEnum(node, "smokingStatus", patient.smokingStatus());
        if (!patient.conditions().isEmpty()) {
            ArrayNode list = node.putArray("conditions");
            patient.conditions().forEach(c -> list.add(coding(c)));
        }
        return node;
    }

    private static ObjectNode order(Order order) {
        ObjectNode node = NODES.objectNode();
        if (order.indication() != null) {
            node.set("indication", coding(order.indication()));
        }
        putEnum(node, "severity", order.severity());
        putEnum(node, "vitiligoType", order.vitiligoType());
        putDecimal(node, "bsaPercent", order.bsaPercent());
        putDecimal(node, "quantityGrams", order.quantityGrams());
        putInteger(node, "daysSupply", order.daysSupply());
        putInteger(node, "applicationsPerDay", order.applicationsPerDay());
        putText(node, "route", order.route());
        putBoolean(node, "occlusiveDressing", order.occlusiveDressing());
        putDate(node, "therapyStartDate", order.therapyStartDate());
        putEnum(node, "priorTopicalTherapy", order.priorTopicalTherapy());
        putText(node, "ndc", order.ndc());
        return node;
    }

    private static ObjectNode coding(Coding coding) {
        ObjectNode node = NODES.objectNode();
        if (coding == null) {
            return node;
        }
        putText(node, "system", coding.system());
        putText(node, "code", coding.code());
        putText(node, "display", coding.display());
        return node;
    }

    private static ObjectNode medication(Medication medication) {
        ObjectNode node = NODES.objectNode();
        if (medication == null) {
            return node;
        }
        putText(node, "system", medication.system());
        putText(node, "code", medication.code());
        putText(node, "display", medication.display());
        putText(node, "route", medication.route());
        putEnum(node, "status", medication.status());
        return node;
    }

    private static ObjectNode dispense(Dispense dispense) {
        ObjectNode node = NODES.objectNode();
        if (dispense == null) {
            return node;
        }
        putDate(node, "date", dispense.date());
        putDecimal(node, "quantityGrams", dispense.quantityGrams());
        putInteger(node, "daysSupply", dispense.daysSupply());
        return node;
    }

    private static void putText(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void putDate(ObjectNode node, String name, LocalDate value) {
        if (value != null) {
            node.put(name, value.toString());
        }
    }

    private static void putInteger(ObjectNode node, String name, Integer value) {
        if (value != null) {
            node.put(name, value.intValue());
        }
    }

    private static void putDecimal(ObjectNode node, String name, BigDecimal value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void putBoolean(ObjectNode node, String name, Boolean value) {
        if (value != null) {
            node.put(name, value.booleanValue());
        }
    }

    private static void putEnum(ObjectNode node, String name, WireValue value) {
        if (value != null) {
            node.put(name, value.wireValue());
        }
    }
}
