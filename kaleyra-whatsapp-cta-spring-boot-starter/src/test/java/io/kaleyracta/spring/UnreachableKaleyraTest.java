package io.kaleyracta.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.metrics.MicrometerSendObserver;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.send.CtaSender;
import io.kaleyracta.sandbox.KaleyraSandbox;
import io.kaleyracta.spring.actuate.KaleyraActuatorAutoConfiguration;
import io.kaleyracta.spring.actuate.KaleyraHealthIndicator;
import io.kaleyracta.spring.metrics.KaleyraMetricsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Kaleyra cannot be reached (a closed local port): the send ends {@code KALEYRA_UNAVAILABLE} after its retries, the
 * meters count it, and the health indicator turns from UP to WARNING. The starter's auto-configurations with a
 * plain Micrometer registry, no engine: the send goes through the sender bean the delegate uses.
 */
class UnreachableKaleyraTest {

  @Test
  void unavailableSendIsCountedAndTurnsHealthToWarning() throws IOException {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class,
            KaleyraMetricsAutoConfiguration.class, KaleyraActuatorAutoConfiguration.class))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withPropertyValues("kaleyra.sid=" + KaleyraSandbox.SID, "kaleyra.api-key=" + KaleyraSandbox.API_KEY,
            "kaleyra.base-url=http://127.0.0.1:" + closedPort(), "kaleyra.business-number=+919000000000",
            "kaleyra.retry.max-attempts=2", "kaleyra.retry.backoff-ms=1")
        .run(context -> {
          KaleyraHealthIndicator health = context.getBean(KaleyraHealthIndicator.class);
          MeterRegistry meters = context.getBean(MeterRegistry.class);
          Health before = health.health();

          SendOutcome outcome = context.getBean(CtaSender.class).send(Map.<String, Object>of(
              "recipient", "+919812345670", "bodyText", "Hello", "buttonText", "Open",
              "buttonUrl", "https://example.com")::get, null);

          assertThat(outcome.errorCode()).isEqualTo(SendOutcome.UNAVAILABLE);
          assertThat(before.getStatus()).isEqualTo(Status.UP);
          assertThat(before.getDetails()).containsEntry("configuration", "valid");
          Health after = health.health();
          assertThat(after.getStatus().getCode()).isEqualTo("WARNING");
          assertThat(after.getDetails()).containsEntry("recentUnavailable", 1L).containsEntry("recentUnknown", 0L);
          assertThat(meters.get(MicrometerSendObserver.SENDS)
              .tags("outcome", "unavailable", "code", SendOutcome.UNAVAILABLE).counter().count()).isEqualTo(1);
          assertThat(meters.get(MicrometerSendObserver.RETRIES).tags("code", SendOutcome.UNAVAILABLE)
              .counter().count()).isEqualTo(1);
          assertThat(meters.get(MicrometerSendObserver.LATENCY).tags("outcome", "unavailable").timer().count())
              .isEqualTo(1);
          assertThat(meters.get(MicrometerSendObserver.UNKNOWN_OUTCOMES).counter().count()).isZero();
        });
  }

  /** A port nobody listens on: connections are refused at once. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
