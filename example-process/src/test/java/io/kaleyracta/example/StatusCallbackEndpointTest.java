package io.kaleyracta.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.status.engine.StatusCallbackEndpoint;
import io.kaleyracta.connector.status.engine.StatusWait;
import io.kaleyracta.connector.status.engine.StatusWaitListener;
import io.kaleyracta.connector.status.StatusInbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real endpoint of the Spring Boot host (registered by the starter; credentials as Spring
 * properties), over HTTP on its web port: refused without the right credentials,
 * over 256 KB or with malformed JSON, and a valid Kaleyra callback ends the waiting process.
 */
@SpringBootTest(classes = ReminderExampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kaleyra.callback.username=" + StatusCallbackEndpointTest.USER,
        "kaleyra.callback.password=" + StatusCallbackEndpointTest.PASSWORD})
@ActiveProfiles(KaleyraTarget.DEMO_PROFILE)
class StatusCallbackEndpointTest {

  static final String USER = "kaleyra-console";
  static final String PASSWORD = "a-long-callback-password-for-the-test";
  private static final String VALID = """
      {"meta_object":{"value":{"messaging_product":"whatsapp","statuses":[{"id":"wamid.HTTP-1","status":"read",\
      "timestamp":"1722834665","recipient_id":"919407000001"}]},"field":"messages"},\
      "extra_info":{"message_id":"HTTP-1","ref":"booking-1"},"status":"read","message_id":"HTTP-1"}""";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @DynamicPropertySource
  static void sandboxPort(DynamicPropertyRegistry registry) {
    registry.add(KaleyraTarget.SANDBOX_PORT_PROPERTY, () -> TestKaleyra.sandbox().port());
  }

  @Test
  void refusesMissingOrWrongCredentialsWith401AndStoresNothing() throws Exception {
    HttpResponse<String> missing = post(null, VALID.replace("HTTP-1", "HTTP-401"));
    HttpResponse<String> wrong = post(basic(USER, "wrong"), VALID.replace("HTTP-1", "HTTP-401"));

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("Basic realm="));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(inbox().statusesOf("HTTP-401")).isEmpty();
  }

  @Test
  void refusesABodyOver256KbWith413() throws Exception {
    String big = VALID.replace("\"ref\":\"booking-1\"", "\"ref\":\"" + "x".repeat(300 * 1024) + "\"");

    assertThat(post(basic(USER, PASSWORD), big).statusCode()).isEqualTo(413);
  }

  @Test
  void refusesMalformedJsonWith400() throws Exception {
    HttpResponse<String> answer = post(basic(USER, PASSWORD), "{\"status\":\"read\",");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("not valid JSON");
  }

  @Test
  void aValidCallbackIsStoredAndEndsTheWaitingProcess() throws Exception {
    engine.getRepositoryService().createDeployment().addModelInstance("wait.bpmn", Bpmn
        .createExecutableProcess("httpStatusWait").camundaHistoryTimeToLive(1).startEvent()
        .receiveTask("wait").camundaInputParameter(StatusWait.MESSAGE_ID, "${messageId}")
        .camundaInputParameter(StatusWait.STATUSES, "READ")
        .camundaExecutionListenerClass("start", StatusWaitListener.class.getName())
        .endEvent("read").done()).deploy();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("httpStatusWait",
        Map.of("messageId", "HTTP-1"));

    HttpResponse<String> answer = post(basic(USER, PASSWORD), VALID);
    HttpResponse<String> again = post(basic(USER, PASSWORD), VALID);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .finished().count()).isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(StatusWait.STATUS).singleResult().getValue()).isEqualTo("READ");
    assertThat(inbox().statusesOf("HTTP-1")).hasSize(1);
    assertThat(inbox().statusesOf("wamid.HTTP-1")).hasSize(1);
  }

  @Test
  void onlyPostIsAllowed() throws Exception {
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(url()).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(405);
  }

  private StatusInbox inbox() {
    return StatusCallbackEndpoint.inbox((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + port + "/kaleyra/whatsapp/status");
  }

  private HttpResponse<String> post(String authorization, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url()).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
