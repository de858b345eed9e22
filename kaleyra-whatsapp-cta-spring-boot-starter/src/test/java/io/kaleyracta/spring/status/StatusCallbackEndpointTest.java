package io.kaleyracta.spring.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.metrics.MicrometerCallbackObserver;
import io.kaleyracta.spring.app.CamundaTestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The endpoint the starter registers, with {@code kaleyra.callback.*} set: its answers and the statuses it stored as
 * meters, and the callback password kept off the actuator's pages.
 */
@SpringBootTest(classes = CamundaTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kaleyra.callback.username=kaleyra", "kaleyra.callback.password=" + StatusCallbackEndpointTest.PASSWORD})
class StatusCallbackEndpointTest {

  static final String PASSWORD = "starter-test-callback-password";
  private static final String READ = """
      {"meta_object":{"value":{"statuses":[{"id":"wamid.S-1","status":"read","timestamp":"1722834665"}]}},\
      "status":"read","message_id":"S-1"}""";
  private static final String FAILED = """
      {"meta_object":{"value":{"statuses":[{"id":"wamid.S-2","status":"failed","timestamp":"1722834700",\
      "errors":[{"code":131047,"title":"Re-engagement message"}]}]}},"status":"failed","message_id":"S-2"}""";

  @Autowired TestRestTemplate http;
  @Autowired MeterRegistry meters;

  @Test
  void countsEachAnswerAndEachStoredStatusWithMetasCode() {
    assertThat(post("kaleyra:wrong", READ)).isEqualTo(401);
    assertThat(post("kaleyra:" + PASSWORD, READ)).isEqualTo(200);
    assertThat(post("kaleyra:" + PASSWORD, FAILED)).isEqualTo(200);
    assertThat(post("kaleyra:" + PASSWORD, "{\"status\":")).isEqualTo(400);

    assertThat(count(MicrometerCallbackObserver.CALLBACKS, "answer", "401")).isEqualTo(1);
    assertThat(count(MicrometerCallbackObserver.CALLBACKS, "answer", "200")).isEqualTo(2);
    assertThat(count(MicrometerCallbackObserver.CALLBACKS, "answer", "400")).isEqualTo(1);
    assertThat(count(MicrometerCallbackObserver.STATUSES, "status", "READ", "code", "none")).isEqualTo(1);
    assertThat(count(MicrometerCallbackObserver.STATUSES, "status", "FAILED", "code", "131047")).isEqualTo(1);
  }

  @Test
  void theCallbackPasswordIsNotOnTheActuatorsPages() {
    String env = http.getForObject("/actuator/env", String.class);
    String configprops = http.getForObject("/actuator/configprops", String.class);

    assertThat(env).contains("kaleyra.callback.password").doesNotContain(PASSWORD);
    assertThat(configprops).contains("callback").doesNotContain(PASSWORD);
  }

  private int post(String credentials, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(HttpHeaders.AUTHORIZATION,
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    return http.postForEntity("/kaleyra/whatsapp/status", new HttpEntity<>(body, headers), String.class)
        .getStatusCode().value();
  }

  private double count(String name, String... tags) {
    var counter = Search.in(meters).name(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }
}
