package io.kaleyracta.connector.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.testing.TestConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading MicroProfile Config on every send: parsed once while nothing changes, a change seen at once. */
class KaleyraConfigSnapshotTest {

  @BeforeEach
  void configure() {
    TestConfig.clear();
    TestConfig.set(KaleyraConfig.SID, "HXAP16XXXXXX97IN");
    TestConfig.set(KaleyraConfig.API_KEY, "key-one");
    TestConfig.set(KaleyraConfig.BASE_URL, "http://127.0.0.1:1");
  }

  @AfterEach
  void clear() {
    TestConfig.clear();
  }

  @Test
  void unchangedValuesAreNotParsedAgain() {
    KaleyraConfig first = KaleyraConfig.from(ConfigProvider.getConfig());

    assertThat(KaleyraConfig.from(ConfigProvider.getConfig())).isSameAs(first);
  }

  @Test
  void aChangedValueTakesEffectAtTheNextRead() {
    KaleyraConfig first = KaleyraConfig.from(ConfigProvider.getConfig());
    TestConfig.set(KaleyraConfig.READ_TIMEOUT_MS, "2500");
    KaleyraConfig second = KaleyraConfig.from(ConfigProvider.getConfig());
    TestConfig.set(KaleyraConfig.API_KEY, "key-two");
    KaleyraConfig third = KaleyraConfig.from(ConfigProvider.getConfig());

    assertThat(first.readTimeout().toMillis()).isEqualTo(15_000);
    assertThat(second.readTimeout().toMillis()).isEqualTo(2_500);
    assertThat(third.apiKey()).isEqualTo("key-two");
    assertThat(third.readTimeout().toMillis()).isEqualTo(2_500);
  }
}
