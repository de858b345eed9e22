package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.connector.testing.TestConfig;
import io.kaleyracta.sandbox.Trigger;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outages and answers that are not Kaleyra's never count as a success, and are retried only when safe. */
class TransportFailureTest extends EngineTest {

  @BeforeEach
  void deployModel() {
    deploy(CtaModel.withInputs(Inputs.minimal().keySet())
        .catching("WA500", SendOutcome.UNAVAILABLE, SendOutcome.OUTCOME_UNKNOWN));
  }

  @Test
  void flakyKaleyraEndsInExactlyOneDeliveredMessage() {
    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.FLAKY.recipient()));

    assertThat(sandbox.requests()).extracting(r -> r.status()).containsExactly(500, 500, 202);
    assertThat(sandbox.accepted()).hasSize(1);
    assertThat(passed(instance, "sent")).isTrue();
    assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isEqualTo(sandbox.accepted().get(0).messageId());
  }

  @Test
  void retriesAreConfigurable() {
    TestConfig.set(KaleyraConfig.RETRY_MAX_ATTEMPTS, "1");

    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.FLAKY.recipient()));

    assertThat(sandbox.requests()).hasSize(1);
    assertThat(passed(instance, "caught_WA500")).isTrue();
  }

  @Test
  void anHtmlBadGatewayIsOneRequestWithAnUnknownOutcome() {
    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.HTML_BAD_GATEWAY.recipient()));

    assertThat(sandbox.requests()).hasSize(1);
    assertThat(passed(instance, "caught_KALEYRA_OUTCOME_UNKNOWN")).isTrue();
    assertThat((String) variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE))
        .contains("HTTP 502").contains("text/html").contains("may or may not have been sent");
    assertThat(hasVariable(instance, CtaModel.RESULT_VARIABLE)).isTrue();
    assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isNull();
  }

  @Test
  void aMalformed202IsStillASuccessAndIsNotResent() {
    // the layout of Kaleyra's documented sample: commas missing, so not JSON; the id is still taken
    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.MALFORMED_ACCEPTED.recipient()));

    assertThat(sandbox.requests()).hasSize(1);
    assertThat(sandbox.requests().get(0).responseBody()).contains("\"code\":\"WA202\"\n");
    assertThat(passed(instance, "sent")).isTrue();
    assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isEqualTo(sandbox.accepted().get(0).messageId());
    assertThat(hasVariable(instance, SendWhatsAppCtaDelegate.ERROR_CODE)).isFalse();
  }

  @Test
  void aTimeoutAfterSendingIsOneRequestWithAnUnknownOutcome() throws InterruptedException {
    TestConfig.set(KaleyraConfig.READ_TIMEOUT_MS, "300");
    sandbox.slowDelay(Duration.ofMillis(1500));

    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.SLOW.recipient()));

    awaitRequests(2); // the sandbox records the slow request when it answers; a second one must never come
    assertThat(sandbox.requests()).hasSize(1);
    assertThat(passed(instance, "caught_KALEYRA_OUTCOME_UNKNOWN")).isTrue();
    assertThat((String) variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE))
        .contains("did not answer in time");
  }

  @Test
  void aRefusedConnectionIsRetriedThenUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TestConfig.set(KaleyraConfig.BASE_URL, "http://127.0.0.1:" + closedPort);
    long started = System.nanoTime();

    ProcessInstance instance = start(Inputs.minimal());

    assertThat(passed(instance, "caught_KALEYRA_UNAVAILABLE")).isTrue();
    assertThat((String) variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE))
        .startsWith("Kaleyra could not be reached");
    // 3 attempts with 20 ms and 40 ms pauses in between: the retry loop ran
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
  }
}
