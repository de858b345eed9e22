package io.kaleyracta.connector.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.status.StatusReceiver.Answer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusReceiverTest {

  private static final String BODY = "{\"status\":\"read\",\"message_id\":\"A1\"}";
  private final List<StatusEvent> stored = new ArrayList<>();
  private final CallbackCredentials credentials =
      CallbackCredentials.from(Map.of(CallbackCredentials.USERNAME, "kaleyra",
          CallbackCredentials.PASSWORD, "s3cret:with-colon")::get);
  private final StatusReceiver receiver = new StatusReceiver(credentials, stored::addAll);

  @Test
  void storesAValidCallbackWithTheRightCredentialsAndAnswers200() {
    Answer answer = post(basic("kaleyra", "s3cret:with-colon"), BODY);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(stored).extracting(StatusEvent::status).containsExactly(DeliveryStatus.READ);
  }

  @Test
  void refusesMissingOrWrongCredentialsWith401AndStoresNothing() {
    for (String authorization : new String[] {null, "", basic("kaleyra", "wrong"), basic("other", "s3cret:with-colon"),
        basic("kaleyra", "s3cret"), "Bearer abc", "Basic !!!notbase64", basic("kaleyra", "")}) {
      assertThat(post(authorization, BODY).status()).as(String.valueOf(authorization)).isEqualTo(401);
    }
    assertThat(stored).isEmpty();
  }

  @Test
  void refusesEverythingWhenNoCredentialsAreConfigured() {
    StatusReceiver unconfigured = new StatusReceiver(CallbackCredentials.from(Map.<String, String>of()::get),
        stored::addAll);
    StatusReceiver blank = new StatusReceiver(CallbackCredentials.from(Map.of(CallbackCredentials.USERNAME, "u",
        CallbackCredentials.PASSWORD, " ")::get), stored::addAll);

    assertThat(unconfigured.receive(basic("", ""), -1, in(BODY)).status()).isEqualTo(401);
    assertThat(unconfigured.receive(null, -1, in(BODY)).status()).isEqualTo(401);
    assertThat(blank.receive(basic("u", " "), -1, in(BODY)).status()).isEqualTo(401);
    assertThat(stored).isEmpty();
  }

  @Test
  void refusesABodyOver256KbWith413EvenWithoutAContentLength() {
    String padding = "x".repeat(StatusReceiver.MAX_BODY_BYTES);
    String big = "{\"status\":\"read\",\"message_id\":\"A1\",\"pad\":\"" + padding + "\"}";

    assertThat(receiver.receive(basic("kaleyra", "s3cret:with-colon"), -1, in(big)).status()).isEqualTo(413);
    assertThat(receiver.receive(basic("kaleyra", "s3cret:with-colon"), big.length(), in(big)).status())
        .isEqualTo(413);
    assertThat(stored).isEmpty();
  }

  @Test
  void refusesMalformedJsonWith400AndStoresNothing() {
    Answer answer = post(basic("kaleyra", "s3cret:with-colon"), "{\"status\":\"read\",");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("not valid JSON");
    assertThat(stored).isEmpty();
  }

  @Test
  void answers503WhenTheStatusCouldNotBeStoredSoKaleyraTriesAgain() {
    StatusReceiver failing = new StatusReceiver(credentials, events -> {
      throw new IllegalStateException("database down");
    });

    assertThat(failing.receive(basic("kaleyra", "s3cret:with-colon"), -1, in(BODY)).status()).isEqualTo(503);
  }

  @Test
  void credentialsNeverShowInToString() {
    assertThat(credentials.toString()).doesNotContain("kaleyra").doesNotContain("s3cret");
  }

  private Answer post(String authorization, String body) {
    return receiver.receive(authorization, body.length(), in(body));
  }

  private static ByteArrayInputStream in(String body) {
    return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
