package io.kaleyracta.connector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KaleyraConfigTest {

  private static final String KEY_VALUE = "Akey-value-that-must-never-be-printed-3";

  private static Map<String, String> minimal() {
    Map<String, String> values = new HashMap<>();
    values.put(KaleyraConfig.SID, "HXAP16XXXXXX97IN");
    values.put(KaleyraConfig.API_KEY, KEY_VALUE);
    return values;
  }

  @Test
  void defaultsToTheIndianPodAndSafeTimeouts() {
    KaleyraConfig config = KaleyraConfig.from(minimal()::get);

    assertThat(config.baseUri()).isEqualTo(URI.create("https://api.in.kaleyra.io"));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.maxAttempts()).isEqualTo(3);
    assertThat(config.initialBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.businessNumber()).isNull();
  }

  @Test
  void choosesTheRegionsHost() {
    Map<String, String> values = minimal();
    values.put(KaleyraConfig.REGION, "sg");
    assertThat(KaleyraConfig.from(values::get).baseUri()).isEqualTo(URI.create("https://api.ap.kaleyra.io"));
    values.put(KaleyraConfig.REGION, "EU");
    assertThat(KaleyraConfig.from(values::get).baseUri()).isEqualTo(URI.create("https://api.eu.kaleyra.io"));
  }

  @Test
  void baseUrlOverridesTheRegionAndAllowsHttpOnLoopback() {
    Map<String, String> values = minimal();
    values.put(KaleyraConfig.BASE_URL, "http://127.0.0.1:8089/");

    assertThat(KaleyraConfig.from(values::get).baseUri()).isEqualTo(URI.create("http://127.0.0.1:8089"));
  }

  @Test
  void rejectsPlainHttpToARemoteHost() {
    Map<String, String> values = minimal();
    values.put(KaleyraConfig.BASE_URL, "http://api.in.kaleyra.io");

    assertThatThrownBy(() -> KaleyraConfig.from(values::get)).isInstanceOf(KaleyraConfigException.class)
        .hasMessageContaining("kaleyra.base-url may use plain http only for a loopback host");
  }

  @Test
  void namesEveryMissingOrInvalidKeyButNoValue() {
    Map<String, String> values = new HashMap<>();
    values.put(KaleyraConfig.API_KEY, " ");
    values.put(KaleyraConfig.REGION, "US");
    values.put(KaleyraConfig.READ_TIMEOUT_MS, "soon");
    values.put(KaleyraConfig.RETRY_MAX_ATTEMPTS, "0");
    values.put(KaleyraConfig.BUSINESS_NUMBER, "not-a-number");

    assertThatThrownBy(() -> KaleyraConfig.from(values::get))
        .isInstanceOf(KaleyraConfigException.class)
        .hasMessageContaining("kaleyra.sid is missing (environment variable KALEYRA_SID)")
        .hasMessageContaining("kaleyra.api-key is missing (environment variable KALEYRA_API_KEY)")
        .hasMessageContaining("kaleyra.region must be one of IN, SG, EU")
        .hasMessageContaining("kaleyra.read-timeout-ms must be a whole number >= 1")
        .hasMessageContaining("kaleyra.retry.max-attempts must be a whole number >= 1")
        .hasMessageContaining("kaleyra.business-number must be a phone number")
        .message().doesNotContain("not-a-number").doesNotContain("soon");
  }

  @Test
  void neverPrintsTheApiKey() {
    KaleyraConfig config = KaleyraConfig.from(minimal()::get);

    assertThat(config.toString()).doesNotContain(KEY_VALUE).contains("apiKey=***");
  }
}
