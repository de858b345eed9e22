package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.send.CtaSender;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two applications with different {@code kaleyra.*} values that share the connector's classes (one class loader)
 * each keep their own client: sends that alternate between them rebuild nothing.
 */
class SharedSenderTest {

  @AfterEach
  void closeClients() {
    SharedSender.closeAll();
  }

  @Test
  void alternatingConfigurationsEachKeepTheirOwnSender() {
    KaleyraConfig first = config("https://first.example.com");
    KaleyraConfig second = config("https://second.example.com");

    CtaSender firstSender = SharedSender.forConfig(first);
    CtaSender secondSender = SharedSender.forConfig(second);

    assertThat(secondSender).isNotSameAs(firstSender);
    assertThat(SharedSender.forConfig(first)).isSameAs(firstSender);
    assertThat(SharedSender.forConfig(second)).isSameAs(secondSender);
    assertThat(SharedSender.forConfig(config("https://first.example.com"))).as("an equal configuration")
        .isSameAs(firstSender);
  }

  @Test
  void afterClosingALaterSendGetsAFreshSender() {
    KaleyraConfig config = config("https://first.example.com");
    CtaSender before = SharedSender.forConfig(config);

    SharedSender.closeAll();

    assertThat(SharedSender.forConfig(config)).isNotSameAs(before);
  }

  private static KaleyraConfig config(String baseUrl) {
    Map<String, String> values = Map.of(KaleyraConfig.SID, "HXAP1234", KaleyraConfig.API_KEY, "test-key",
        KaleyraConfig.BASE_URL, baseUrl, KaleyraConfig.BUSINESS_NUMBER, "+919000000000");
    return KaleyraConfig.from(values::get);
  }
}
