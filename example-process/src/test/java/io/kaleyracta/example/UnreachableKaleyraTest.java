package io.kaleyracta.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.example.demo.JourneyRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Kaleyra cannot be reached (a local port nobody listens on). Its own application, on its own in-memory database:
 * see {@link ForeignSenderNumberTest}.
 */
@TestPropertySource(properties =
    "spring.datasource.url=jdbc:h2:mem:example-unreachable;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE")
class UnreachableKaleyraTest extends JourneyTest {

  @DynamicPropertySource
  static void closedPort(DynamicPropertyRegistry registry) {
    registry.add("kaleyra.base-url", () -> "http://127.0.0.1:" + closedPort());
  }

  @Test
  void unreachableKaleyraTakesTheSameRetryLoop() throws Exception {
    JourneyRun.Result result = run(customer("+919812345670"));

    assertThat(result.outcome().activityId()).isEqualTo("reminderSentBySms");
    assertThat(result.outcome().errorCode()).isEqualTo("KALEYRA_UNAVAILABLE");
    assertThat(result.outcome().timedRetries()).isEqualTo(3);
    assertThat(requests()).isEmpty();
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
