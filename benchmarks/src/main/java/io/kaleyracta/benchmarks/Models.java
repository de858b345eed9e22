package io.kaleyracta.benchmarks;

import io.kaleyracta.connector.input.InputValidator;
import io.kaleyracta.connector.payload.CtaMessageRequest;
import io.kaleyracta.connector.payload.PayloadJson;
import java.util.Map;

/**
 * The three models every engine row runs, start -> send task -> end, identical but for the task's implementation:
 * the connector as the element template applies it, a no-op delegate with the same input mapping, and Camunda's
 * http-connector building the same JSON in the diagram.
 */
final class Models {

  static final String CONNECTOR = "connector";
  static final String NOOP = "noop";
  static final String HTTP_CONNECTOR = "httpConnector";

  private Models() {
  }

  static String connector(boolean async) {
    return process(CONNECTOR, async, "camunda:class=\"io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate\"",
        inputParameters());
  }

  static String noop(boolean async) {
    return process(NOOP, async, "camunda:class=\"" + NoopDelegate.class.getName() + "\"", inputParameters());
  }

  /**
   * What a Camunda 7 user writes today without this connector: the JSON typed into the payload with expressions
   * for the customer's values, the key in a header map, and the raw answer kept. It skips what the connector does
   * (validation, escaping, reading the answer, error routing), so it is the cheaper side of the comparison.
   */
  static String httpConnector(boolean async, String baseUrl) throws Exception {
    Map<String, Object> sample = Map.of("customerPhone", "@PHONE@", "firstName", "@NAME@", "customerId", "@ID@");
    String json;
    try (PayloadJson payloadJson = new PayloadJson()) {
      Map<String, Object> inputs = Campaign.resolvedInputs(sample);
      inputs.put("recipient", "+910000000000");
      json = payloadJson.toJson(CtaMessageRequest.from(
          InputValidator.validate(inputs::get, Campaign.BUSINESS_NUMBER).input()));
    }
    String payload = json.replace("+910000000000", "${customerPhone}").replace("@NAME@", "${firstName}")
        .replace("@ID@", "${customerId}");
    String url = baseUrl + "/v2/" + Campaign.SID + "/whatsapp/" + Campaign.BUSINESS_NUMBER + "/messages";
    String connector = "<camunda:connector><camunda:inputOutput>"
        + parameter("url", url) + parameter("method", "POST")
        + "<camunda:inputParameter name=\"headers\"><camunda:map>"
        + "<camunda:entry key=\"Content-Type\">application/json</camunda:entry>"
        + "<camunda:entry key=\"cache-control\">no-cache</camunda:entry>"
        + "<camunda:entry key=\"api-key\">" + Campaign.API_KEY + "</camunda:entry>"
        + "</camunda:map></camunda:inputParameter>"
        + parameter("payload", payload)
        + "<camunda:outputParameter name=\"kaleyraAnswer\">${response}</camunda:outputParameter>"
        + "</camunda:inputOutput><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>";
    return process(HTTP_CONNECTOR, async, "", connector);
  }

  private static String inputParameters() {
    StringBuilder parameters = new StringBuilder("<camunda:inputOutput>");
    Campaign.TASK_INPUTS.forEach((name, value) -> parameters.append(parameter(name, value)));
    return parameters.append("</camunda:inputOutput>").toString();
  }

  private static String parameter(String name, String value) {
    return "<camunda:inputParameter name=\"" + name + "\">" + escape(value) + "</camunda:inputParameter>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String process(String key, boolean async, String implementation, String extensions) {
    String id = key + (async ? "Async" : "Sync");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"http://kaleyracta.io/bench\">"
        + "<bpmn:process id=\"" + id + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
        + "<bpmn:startEvent id=\"start\"/><bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"send\"/>"
        + "<bpmn:serviceTask id=\"send\" camunda:asyncBefore=\"" + async + "\" " + implementation + ">"
        + "<bpmn:extensionElements>" + extensions + "</bpmn:extensionElements></bpmn:serviceTask>"
        + "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"send\" targetRef=\"end\"/><bpmn:endEvent id=\"end\"/>"
        + "</bpmn:process></bpmn:definitions>";
  }

  static String processKey(String model, boolean async) {
    return model + (async ? "Async" : "Sync");
  }
}
