package io.kaleyracta.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.example.demo.JourneyRun;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A sending number that is not on the sandbox's account. The starter reads {@code kaleyra.*} once, at start-up, so
 * this is its own application, on its own in-memory database (two engines on one would run each other's jobs).
 */
@TestPropertySource(properties = {"kaleyra.business-number=+918888888888",
    "spring.datasource.url=jdbc:h2:mem:example-foreign-sender;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"})
class ForeignSenderNumberTest extends JourneyTest {

  @Test
  void senderNumberNotOnTheAccountAlertsTheOperator() throws Exception {
    JourneyRun.Result result = run(customer("+919812345670"));

    assertWaitingAt(result, "fixKaleyraAccount", "WA401");
    assertThat(requests()).singleElement().satisfies(request -> {
      assertThat(request.rawPath()).contains("918888888888");
      assertThat(request.status()).isEqualTo(401);
    });
  }
}
