package io.kaleyracta.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.config.KaleyraConfigException;
import io.kaleyracta.connector.metrics.MicrometerSendObserver;
import io.kaleyracta.sandbox.AcceptedMessage;
import io.kaleyracta.sandbox.KaleyraSandbox;
import io.kaleyracta.sandbox.RecordedRequest;
import io.kaleyracta.sandbox.Trigger;
import io.kaleyracta.spring.app.CamundaTestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a Camunda 7 Spring Boot web application with Actuator and the Camunda REST API (Jersey), sending to
 * the local Kaleyra sandbox. Configuration: {@code src/test/resources/application.yaml}; only the sandbox's free
 * port is added here. Nothing is set as a system property or MicroProfile Config source.
 */
@SpringBootTest(classes = CamundaTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class CamundaApplicationTest {

  static final KaleyraSandbox SANDBOX = KaleyraSandbox.start();
  static final String CUSTOMER = "+919812345670";

  @DynamicPropertySource
  static void sandbox(DynamicPropertyRegistry registry) {
    registry.add("kaleyra.base-url", SANDBOX::baseUrl);
  }

  @AfterAll
  static void stopSandbox() {
    SANDBOX.close();
  }

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired MeterRegistry meters;
  @Autowired TestRestTemplate http;
  @Autowired KaleyraConfig config;
  @Autowired RepositoryService repository;
  @LocalServerPort int port;

  @Test
  void classDelegateSendsWithApplicationYamlAndOtherBeansStayResolvable() {
    ProcessInstance instance = startByClass(CUSTOMER, "Book", null);

    assertThat(endedAt(instance)).isEqualTo("sent");
    AcceptedMessage accepted = lastAcceptedTo(CUSTOMER);
    assertThat(variable(instance, "kaleyraMessageId")).isEqualTo(accepted.messageId());
    assertThat(variable(instance, "afterSend")).isEqualTo(true); // ${journeySteps...}: a plain Spring bean
    // the yaml's settings, and none from MicroProfile Config, which knows no kaleyra.* here
    assertThat(config.sid()).isEqualTo(KaleyraSandbox.SID);
    assertThat(config.businessNumber()).isEqualTo(KaleyraSandbox.BUSINESS_NUMBER);
    assertThat(config.maxAttempts()).isEqualTo(3);
    assertThat(config.initialBackoff().toMillis()).isEqualTo(10);
    assertThat(System.getProperties().stringPropertyNames()).noneMatch(name -> name.startsWith("kaleyra"));
    assertThatThrownBy(() -> KaleyraConfig.from(ConfigProvider.getConfig()))
        .isInstanceOf(KaleyraConfigException.class).hasMessageContaining("kaleyra.sid is missing");
  }

  @Test
  void beanInAJobIsNotSentAgainWhenTheEngineRerunsTheJob() {
    String recipient = "+919812345671";
    double replaysBefore = count(MicrometerSendObserver.REPLAYS, "outcome", "accepted");
    ProcessInstance instance = runtime.startProcessInstanceByKey("ctaByBean", Map.of("recipient", recipient));
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("fails once");
    management.executeJob(job.getId());

    assertThat(endedAt(instance)).isEqualTo("beanEnd");
    assertThat(requestsTo(recipient)).hasSize(1);
    assertThat(variable(instance, "kaleyraMessageId")).isEqualTo(lastAcceptedTo(recipient).messageId());
    assertThat(count(MicrometerSendObserver.REPLAYS, "outcome", "accepted")).isEqualTo(replaysBefore + 1);
  }

  @Test
  void metersCountEveryOutcomeWithItsCode() {
    Map<String, Double> before = Map.of(
        "accepted", count(MicrometerSendObserver.SENDS, "outcome", "accepted", "code", "none"),
        "E110", count(MicrometerSendObserver.SENDS, "outcome", "rejected", "code", "E110"),
        "invalid", count(MicrometerSendObserver.SENDS, "outcome", "invalid_input", "code", "KALEYRA_INVALID_INPUT"),
        "unknown", count(MicrometerSendObserver.SENDS, "outcome", "unknown", "code", "KALEYRA_OUTCOME_UNKNOWN"),
        "unknownOutcomes", count(MicrometerSendObserver.UNKNOWN_OUTCOMES),
        "retries", count(MicrometerSendObserver.RETRIES, "code", "WA500"),
        "latencyAccepted", (double) timerCount("accepted"));

    startByClass("+919812345672", "Book", null);                          // accepted
    startByClass(Trigger.LOW_BALANCE.recipient(), "Book", null);          // E110
    startByClass(CUSTOMER, "A label far over twenty characters", null);  // invalid input, nothing sent
    startByClass(Trigger.HTML_BAD_GATEWAY.recipient(), "Book", null);     // unknown outcome
    startByClass(Trigger.FLAKY.recipient(), "Book", null);                // WA500, WA500, accepted

    assertThat(count(MicrometerSendObserver.SENDS, "outcome", "accepted", "code", "none"))
        .isEqualTo(before.get("accepted") + 2);
    assertThat(count(MicrometerSendObserver.SENDS, "outcome", "rejected", "code", "E110"))
        .isEqualTo(before.get("E110") + 1);
    assertThat(count(MicrometerSendObserver.SENDS, "outcome", "invalid_input", "code", "KALEYRA_INVALID_INPUT"))
        .isEqualTo(before.get("invalid") + 1);
    assertThat(count(MicrometerSendObserver.SENDS, "outcome", "unknown", "code", "KALEYRA_OUTCOME_UNKNOWN"))
        .isEqualTo(before.get("unknown") + 1);
    assertThat(count(MicrometerSendObserver.UNKNOWN_OUTCOMES)).isEqualTo(before.get("unknownOutcomes") + 1);
    assertThat(count(MicrometerSendObserver.RETRIES, "code", "WA500")).isEqualTo(before.get("retries") + 2);
    assertThat(timerCount("accepted")).isEqualTo(before.get("latencyAccepted").longValue() + 2);
    assertThat(meters.get(MicrometerSendObserver.LATENCY).tags("outcome", "accepted").timer().takeSnapshot()
        .percentileValues()).extracting(p -> p.percentile()).containsExactly(0.5, 0.95, 0.99);
    assertThat(Search.in(meters).name(MicrometerSendObserver.LATENCY).tag("outcome", "invalid_input").timer())
        .isNull();

    ResponseEntity<String> page = http.getForEntity("/actuator/metrics/" + MicrometerSendObserver.SENDS
        + "?tag=outcome:rejected", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("\"statistic\":\"COUNT\"").contains("\"tag\":\"code\"").contains("E110");
  }

  @Test
  void healthWarnsAfterAnUnknownOutcomeWhileTheApplicationStaysUp() {
    startByClass(Trigger.HTML_BAD_GATEWAY.recipient(), "Book", null);

    ResponseEntity<Map> kaleyra = http.getForEntity("/actuator/health/kaleyra", Map.class);
    assertThat(kaleyra.getBody()).containsEntry("status", "WARNING");
    Map<?, ?> details = (Map<?, ?>) kaleyra.getBody().get("details");
    assertThat(details.get("configuration")).isEqualTo("valid");
    assertThat(details.get("baseUrl")).isEqualTo(SANDBOX.baseUrl());
    assertThat(((Number) details.get("recentUnknown")).intValue()).isGreaterThanOrEqualTo(1);
    assertThat(http.getForEntity("/actuator/health", Map.class).getBody()).containsEntry("status", "UP");
  }

  @Test
  void actuatorPagesNeverShowTheApiKey() {
    String env = http.getForObject("/actuator/env", String.class);
    String configprops = http.getForObject("/actuator/configprops", String.class);
    ResponseEntity<String> key = http.getForEntity("/actuator/env/kaleyra.api-key", String.class);

    // values are shown (show-values: always) ...
    assertThat(env).contains(KaleyraSandbox.SID).contains("kaleyra.api-key");
    assertThat(configprops).contains(KaleyraSandbox.SID).contains("apiKey");
    // ... except the key
    assertThat(env).doesNotContain(KaleyraSandbox.API_KEY);
    assertThat(configprops).doesNotContain(KaleyraSandbox.API_KEY);
    assertThat(key.getBody()).doesNotContain(KaleyraSandbox.API_KEY).contains("******");
  }

  @Test
  void camundaRestApiOnJerseyWorksBesideTheConnectorsRestEasyClient() {
    ResponseEntity<String> engines = http.getForEntity("/engine-rest/engine", String.class);
    ResponseEntity<String> definitions = http.getForEntity("/engine-rest/process-definition?key=ctaByClass",
        String.class);
    ProcessInstance instance = startByClass("+919812345673", "Book", null);

    assertThat(engines.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(engines.getBody()).contains("\"name\":\"default\"");
    assertThat(definitions.getBody()).contains("\"key\":\"ctaByClass\"");
    assertThat(endedAt(instance)).isEqualTo("sent");
  }

  @Test
  void connectorLogLinesCarryProcessInstanceBusinessKeyAndActivity(CapturedOutput output) {
    ProcessInstance instance = startByClass("+919812345674", "Book", "order-4711");
    String messageId = lastAcceptedTo("+919812345674").messageId();

    String line = Arrays.stream(output.getOut().split("\\R"))
        .filter(l -> l.contains("KCTA-100") && l.contains(messageId))
        .findFirst().orElseThrow();
    assertThat(line).contains("[" + instance.getId() + "|order-4711|sendCta]");
  }

  private ProcessInstance startByClass(String recipient, String buttonText, String businessKey) {
    return runtime.startProcessInstanceByKey("ctaByClass", businessKey,
        Map.of("recipient", recipient, "buttonText", buttonText));
  }

  private String endedAt(ProcessInstance instance) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityType("noneEndEvent").singleResult().getActivityId();
  }

  private Object variable(ProcessInstance instance, String name) {
    var variable = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  private static AcceptedMessage lastAcceptedTo(String recipient) {
    List<AcceptedMessage> accepted = SANDBOX.accepted().stream().filter(m -> m.to().equals(recipient)).toList();
    return accepted.get(accepted.size() - 1);
  }

  private static List<RecordedRequest> requestsTo(String recipient) {
    return SANDBOX.requests().stream().filter(r -> r.body().contains("\"" + recipient + "\"")).toList();
  }

  private double count(String name, String... tags) {
    var counter = Search.in(meters).name(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  private long timerCount(String outcome) {
    var timer = Search.in(meters).name(MicrometerSendObserver.LATENCY).tag("outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }

  @Test
  void registersTheTapRedirectSoATapEndsAWaitForTapped() throws Exception {
    String recipient = "+919812345675";
    String original = "https://clinic.example.com/confirm?appointment=42#now";
    repository.createDeployment().addModelInstance("tap-wait.bpmn", Bpmn.createExecutableProcess("tapWait")
        .camundaHistoryTimeToLive(1).startEvent()
        .serviceTask("send").camundaClass("io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate")
        .camundaInputParameter("recipient", "${recipient}")
        .camundaInputParameter("bodyText", "Please confirm your appointment.")
        .camundaInputParameter("buttonText", "Confirm")
        .camundaInputParameter("buttonUrl", original)
        .camundaInputParameter("trackTaps", "true")
        .camundaOutputParameter("kaleyraMessageId", "${messageId}")
        .receiveTask("wait").camundaInputParameter("kaleyraWaitMessageId", "${kaleyraMessageId}")
        .camundaInputParameter("kaleyraWaitStatuses", "TAPPED")
        .camundaExecutionListenerClass("start", "io.kaleyracta.connector.status.engine.StatusWaitListener")
        .endEvent("confirmedByTap").done()).deploy();
    ProcessInstance instance = runtime.startProcessInstanceByKey("tapWait", Map.of("recipient", recipient));
    String button = lastAcceptedTo(recipient).buttonUrl();
    assertThat(button).startsWith("https://journeys.example.com/kaleyra/t/"); // kaleyra.tracking.* in the yaml
    String path = button.substring("https://journeys.example.com".length());

    HttpResponse<String> forged = get(path.substring(0, path.length() - 1) + (path.endsWith("A") ? "B" : "A"));
    HttpResponse<String> tap = get(path);

    assertThat(forged.statusCode()).isEqualTo(404);
    assertThat(forged.headers().firstValue("Location")).isEmpty();
    assertThat(tap.statusCode()).isEqualTo(302);
    assertThat(tap.headers().firstValue("Location")).contains(original);
    for (int i = 0; i < 200 && runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0;
        i++) {
      Thread.sleep(25);
    }
    assertThat(endedAt(instance)).isEqualTo("confirmedByTap");
    assertThat(variable(instance, "kaleyraStatus")).isEqualTo("TAPPED");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + path)).header("User-Agent", "Mozilla/5.0 (iPhone) Mobile Safari")
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void exposesTheStatusCallbackEndpointFailingClosedWithoutCallbackCredentials() {
    ResponseEntity<String> answer = http.postForEntity("/kaleyra/whatsapp/status",
        "{\"status\":\"read\",\"message_id\":\"A1\"}", String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED); // no kaleyra.callback.* in the yaml
    assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic realm=");
  }
}
