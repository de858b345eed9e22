package io.kaleyracta.connector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    assertThat(config.sendsPerSecond()).isZero(); // no send rate unless one is configured
  }

  @Test
  void readsTheSendRate() {
    Map<String, String> values = minimal();
    values.put(KaleyraConfig.RATE_PER_SECOND, "80");

    assertThat(KaleyraConfig.from(values::get).sendsPerSecond()).isEqualTo(80);
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
        .hasMessageContaining("kaleyra.read-timeout-ms must be a whole number from 1 to 3600000")
        .hasMessageContaining("kaleyra.retry.max-attempts must be a whole number from 1 to 10")
        .hasMessageContaining("kaleyra.business-number must be a phone number")
        .message().doesNotContain("not-a-number").doesNotContain("soon");
  }

  @Test
  void neverPrintsTheApiKey() {
    KaleyraConfig config = KaleyraConfig.from(minimal()::get);

    assertThat(config.toString()).doesNotContain(KEY_VALUE).contains("apiKey=***");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      "kaleyra.connect-timeout-ms, 9223372036854775807, 1, 3600000",
      "kaleyra.read-timeout-ms, 2147483648, 1, 3600000",
      "kaleyra.read-timeout-ms, 99999999999999999999999, 1, 3600000",
      "kaleyra.read-timeout-ms, -1, 1, 3600000",
      "kaleyra.retry.max-attempts, 4294967297, 1, 10",
      "kaleyra.retry.max-attempts, 2147483648, 1, 10",
      "kaleyra.retry.max-attempts, -3, 1, 10",
      "kaleyra.retry.max-attempts, 11, 1, 10",
      "kaleyra.retry.backoff-ms, -500, 0, 3600000",
      "kaleyra.retry.backoff-ms, 9223372036854775807, 0, 3600000",
      "kaleyra.retry.max-retry-after-ms, 3600001, 0, 3600000",
      "kaleyra.retry.max-retry-after-ms, -1, 0, 3600000",
      "kaleyra.rate.per-second, 1001, 0, 1000",
      "kaleyra.rate.per-second, -80, 0, 1000",
  })
  void rejectsOutOfRangeNumbersNamingTheKeyInsteadOfOverflowing(String key, String value, long min, long max) {
    Map<String, String> values = minimal();
    values.put(key, value);

    assertThatThrownBy(() -> KaleyraConfig.from(values::get))
        .isExactlyInstanceOf(KaleyraConfigException.class)
        .hasMessage("Invalid Kaleyra connector configuration: " + key + " must be a whole number from " + min + " to "
            + max);
  }

  @Test
  void acceptsTheLargestAllowedValuesAndComputesTheWorstCaseWithoutOverflow() {
    Map<String, String> values = minimal();
    values.put(KaleyraConfig.CONNECT_TIMEOUT_MS, "3600000");
    values.put(KaleyraConfig.READ_TIMEOUT_MS, "3600000");
    values.put(KaleyraConfig.RETRY_MAX_ATTEMPTS, "10");
    values.put(KaleyraConfig.RETRY_BACKOFF_MS, "3600000");
    values.put(KaleyraConfig.RETRY_MAX_RETRY_AFTER_MS, "3600000");

    KaleyraConfig config = KaleyraConfig.from(values::get);

    // 10 x (2 x 1 h + 1 h) + backoff 1 h x (1 + 2 + ... + 256)
    assertThat(config.worstCaseSendTime()).isEqualTo(Duration.ofHours(30 + 511));
  }

  @Test
  void worstCaseSendTimeCountsEveryAttemptAndTheLongerOfBackoffAndRetryAfter() {
    KaleyraConfig config = KaleyraConfig.from(minimal()::get);

    // defaults: 3 x (2 x 5 s + 15 s) + 2 pauses of at most 10 s (Retry-After cap > 0.5 s, 1 s backoff)
    assertThat(config.worstCaseSendTime()).isEqualTo(Duration.ofSeconds(75 + 20));
    assertThat(config.maxRetryAfter()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aConfigurationBuiltInCodeIsCheckedToo() {
    assertThatThrownBy(() -> new KaleyraConfig("sid", "key", URI.create("https://api.in.kaleyra.io"), null,
        Duration.ofSeconds(5), Duration.ofDays(30), 3, Duration.ofMillis(500)))
        .isExactlyInstanceOf(KaleyraConfigException.class)
        .hasMessage("kaleyra.read-timeout-ms must be a whole number from 1 to 3600000");
  }
}
