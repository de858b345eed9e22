package io.kaleyracta.example;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journey's send task is what Camunda Modeler writes when the analyst applies the "Send WhatsApp CTA" element
 * template ({@code element-templates/kaleyra-whatsapp-cta.json}): the template's id and version, its hidden
 * {@code camunda:class}, its async flag, one input parameter per template field and its result mapping, nothing
 * else. A change of the template (a new version, a renamed field) fails here until the diagram follows it.
 */
class JourneyDiagramTest {

  private static final Path TEMPLATE = Path.of("..", "element-templates", "kaleyra-whatsapp-cta.json");
  private static final Path STATUS_TEMPLATE = Path.of("..", "element-templates", "kaleyra-whatsapp-status-wait.json");
  private static final String MODELER_NS = "http://camunda.org/schema/1.0/bpmn";

  private static BpmnModelInstance model;
  private static JsonObject template;
  private static JsonObject statusTemplate;
  private static ServiceTask send;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream bpmn = JourneyDiagramTest.class.getResourceAsStream("/bpmn/appointment-reminder.bpmn")) {
      model = Bpmn.readModelFromStream(bpmn);
    }
    try (Reader json = Files.newBufferedReader(TEMPLATE)) {
      template = Json.createReader(json).readObject();
    }
    try (Reader json = Files.newBufferedReader(STATUS_TEMPLATE)) {
      statusTemplate = Json.createReader(json).readObject();
    }
    send = model.getModelElementById("sendReminder");
  }

  @Test
  void sendTaskCarriesTheTemplatesIdVersionClassAndAsyncFlag() {
    assertThat(send.getAttributeValueNs(MODELER_NS, "modelerTemplate")).isEqualTo(template.getString("id"));
    assertThat(send.getAttributeValueNs(MODELER_NS, "modelerTemplateVersion"))
        .isEqualTo(String.valueOf(template.getInt("version")));
    assertThat(send.getCamundaClass()).isEqualTo(templateValue("property", "camunda:class"));
    assertThat(String.valueOf(send.isCamundaAsyncBefore())).isEqualTo(templateValue("property", "camunda:asyncBefore"));
    assertThat(send.getCamundaExpression()).isNull();
    assertThat(send.getCamundaDelegateExpression()).isNull();
  }

  @Test
  void sendTaskHasExactlyTheTemplatesInputAndOutputBindings() {
    CamundaInputOutput io = send.getExtensionElements().getElementsQuery()
        .filterByType(CamundaInputOutput.class).singleResult();
    List<String> inputs = io.getCamundaInputParameters().stream().map(CamundaInputParameter::getCamundaName).toList();
    List<String> templateInputs = bindings("camunda:inputParameter").stream()
        .map(binding -> binding.getString("name")).toList();
    assertThat(inputs).containsExactlyElementsOf(templateInputs);

    JsonObject output = bindings("camunda:outputParameter").get(0);
    assertThat(io.getCamundaOutputParameters()).singleElement().satisfies(parameter -> {
      assertThat(parameter.getTextContent()).isEqualTo(output.getString("source"));
      assertThat(parameter.getCamundaName()).isEqualTo("reminderMessageId");
    });
    assertThat(send.getExtensionElements().getElements()).as("nothing but the template's input/output").hasSize(1);
  }

  @Test
  void everyErrorCodeTheTemplateDocumentsIsCaughtOnTheSendTask() {
    Map<String, String> caught = model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(event -> event.getAttachedTo() == send)
        .collect(Collectors.toMap(event -> errorCode(event), BaseElement::getId));

    assertThat(caught.keySet()).containsExactlyInAnyOrder("RBC001", "WA401", "WA400", "E110", "WA-401", "WA500",
        "KALEYRA_INVALID_INPUT", "KALEYRA_UNAVAILABLE", "KALEYRA_OUTCOME_UNKNOWN");
    for (String code : caught.keySet()) {
      assertThat(template.getString("description")).contains(code);
    }
  }

  @Test
  void waitForReadIsTheStatusWaitTemplateOnTheSendTasksMessageIdWithADeadline() {
    ReceiveTask wait = model.getModelElementById("waitForRead");
    assertThat(wait.getAttributeValueNs(MODELER_NS, "modelerTemplate")).isEqualTo(statusTemplate.getString("id"));
    assertThat(wait.getAttributeValueNs(MODELER_NS, "modelerTemplateVersion"))
        .isEqualTo(String.valueOf(statusTemplate.getInt("version")));
    assertThat(wait.getMessage()).as("a receive task without a message: the template's listener ends it").isNull();
    assertThat(bindings(statusTemplate, "property")).extracting(binding -> binding.getString("name"))
        .contains("camunda:asyncAfter");
    assertThat(wait.isCamundaAsyncAfter()).as("what follows runs in a job: a failure there is an incident").isTrue();

    JsonObject listener = bindings(statusTemplate, "camunda:executionListener").get(0);
    assertThat(wait.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list())
        .singleElement().satisfies(l -> {
          assertThat(l.getCamundaEvent()).isEqualTo(listener.getString("event"));
          assertThat(l.getCamundaClass()).isEqualTo(hiddenValue(statusTemplate, "camunda:executionListener"));
        });
    CamundaInputOutput io = wait.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class)
        .singleResult();
    assertThat(io.getCamundaInputParameters()).extracting(CamundaInputParameter::getCamundaName)
        .containsExactlyElementsOf(bindings(statusTemplate, "camunda:inputParameter").stream()
            .map(binding -> binding.getString("name")).toList());
    assertThat(io.getCamundaInputParameters()).extracting(CamundaInputParameter::getTextContent)
        .as("the send task's result variable, and READ")
        .containsExactly("${reminderMessageId}", "READ");
    assertThat(io.getCamundaOutputParameters()).isEmpty();

    List<BoundaryEvent> deadlines = model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(event -> event.getAttachedTo() == wait).toList();
    assertThat(deadlines).singleElement().satisfies(deadline -> {
      TimerEventDefinition timer = (TimerEventDefinition) deadline.getEventDefinitions().iterator().next();
      assertThat(deadline.cancelActivity()).isTrue();
      assertThat(timer.getTimeDuration().getTextContent())
          .isEqualTo("${execution.hasVariable('readDeadline') ? readDeadline : 'PT4H'}");
    });
  }

  @Test
  void theGatewayAfterTheWaitRoutesOnTheTemplatesOutputVariables() {
    ExclusiveGateway report = model.getModelElementById("whatsAppReport");
    Map<String, String> conditions = report.getOutgoing().stream().filter(flow -> flow.getConditionExpression() != null)
        .collect(Collectors.toMap(flow -> flow.getTarget().getId(), flow -> flow.getConditionExpression()
            .getTextContent()));

    assertThat(conditions).containsOnly(
        Map.entry("reminderRead", "${kaleyraStatus == 'READ'}"),
        Map.entry("confirmedByTap", "${kaleyraStatus == 'TAPPED'}"),
        Map.entry("sendTemplateInstead", "${kaleyraStatus == 'FAILED' && kaleyraStatusErrorCode == '131047'}"));
    assertThat(report.getDefault().getTarget().getId()).as("any other failure, or NOT-SENT")
        .isEqualTo("sendSmsNotDelivered");
    for (String variable : List.of("kaleyraStatus", "kaleyraStatusErrorCode")) {
      assertThat(statusTemplate.getString("description")).contains(variable);
    }
  }

  @Test
  void processIsExecutableWithHistoryTimeToLive() {
    Process process = model.getModelElementById("appointmentReminder");
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("180");
  }

  @Test
  void everyElementHasItsShapeOrEdgeSoTheDiagramOpensInTheModeler() {
    List<String> shaped = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId()).toList();
    List<String> edged = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(edge -> edge.getBpmnElement().getId()).toList();

    assertThat(shaped).containsExactlyInAnyOrderElementsOf(ids(model.getModelElementsByType(FlowNode.class)));
    assertThat(edged).containsExactlyInAnyOrderElementsOf(ids(model.getModelElementsByType(SequenceFlow.class)));
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      assertThat(edge.getWaypoints()).as(edge.getId()).hasSizeGreaterThanOrEqualTo(2);
    }
  }

  private static String errorCode(BoundaryEvent event) {
    ErrorEventDefinition definition = (ErrorEventDefinition) event.getEventDefinitions().iterator().next();
    return definition.getError().getErrorCode();
  }

  private static List<String> ids(Collection<? extends BaseElement> elements) {
    return elements.stream().map(BaseElement::getId).toList();
  }

  private static List<JsonObject> bindings(String type) {
    return bindings(template, type);
  }

  private static List<JsonObject> bindings(JsonObject template, String type) {
    List<JsonObject> bindings = new ArrayList<>();
    for (JsonValue property : template.getJsonArray("properties")) {
      JsonObject binding = property.asJsonObject().getJsonObject("binding");
      if (binding.getString("type").equals(type)) {
        bindings.add(binding);
      }
    }
    return bindings;
  }

  private static String hiddenValue(JsonObject template, String type) {
    for (JsonValue property : template.getJsonArray("properties")) {
      JsonObject object = property.asJsonObject();
      if (object.getJsonObject("binding").getString("type").equals(type)) {
        return object.getString("value");
      }
    }
    throw new AssertionError("template has no " + type);
  }

  private static String templateValue(String type, String name) {
    for (JsonValue property : template.getJsonArray("properties")) {
      JsonObject object = property.asJsonObject();
      JsonObject binding = object.getJsonObject("binding");
      if (binding.getString("type").equals(type) && binding.getString("name").equals(name)) {
        return object.get("value").toString().replace("\"", "");
      }
    }
    throw new AssertionError("template has no " + type + " " + name);
  }
}
