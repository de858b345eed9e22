package io.kaleyracta.connector.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackingConfigTest {

  private static final String KEY_VALUE = "secret-tracking-key-that-is-never-printed-42";

  private static Map<String, String> complete(String baseUrl) {
    Map<String, String> values = new HashMap<>();
    values.put(TrackingConfig.BASE_URL, baseUrl);
    values.put(TrackingConfig.KEY, KEY_VALUE);
    return values;
  }

  @Test
  void isUnusableWithoutConfigurationAndNamesBothKeysAndTheirEnvironmentVariables() {
    TrackingConfig config = TrackingConfig.from(key -> null);

    assertThat(config.usable()).isFalse();
    assertThat(config.problem())
        .contains("kaleyra.tracking.base-url is missing (environment variable KALEYRA_TRACKING_BASE_URL)")
        .contains("kaleyra.tracking.key is missing (environment variable KALEYRA_TRACKING_KEY)");
  }

  @Test
  void buildsTrackingLinksBelowTheBaseUrl() {
    TrackingConfig config = TrackingConfig.from(complete("https://journeys.example.com/app/")::get);

    assertThat(config.usable()).isTrue();
    assertThat(config.baseUri()).isEqualTo(URI.create("https://journeys.example.com/app"));
    assertThat(config.linkFor("TOKEN")).isEqualTo("https://journeys.example.com/app/kaleyra/t/TOKEN");
    assertThat(config.retention()).isEqualTo(Duration.ofDays(90));
  }

  @ParameterizedTest
  @CsvSource({"http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080", "https://t.example.com"})
  void acceptsHttpsAndPlainHttpOnLoopback(String baseUrl) {
    assertThat(TrackingConfig.from(complete(baseUrl)::get).usable()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://t.example.com | may use plain http only for a loopback host",
      "http://localhost.example.com | may use plain http only for a loopback host",
      "ftp://t.example.com | must be an absolute https URL",
      "t.example.com/app | must be an absolute https URL",
      "https://t.example.com/?next=x | must be a plain base URL without user, query or fragment",
      "https://t.example.com/#x | must be a plain base URL without user, query or fragment",
      "https://user:pw@t.example.com | must be a plain base URL without user, query or fragment"})
  void rejectsABaseUrlThatIsNotHttps(String baseUrl, String rule) {
    TrackingConfig config = TrackingConfig.from(complete(baseUrl)::get);

    assertThat(config.usable()).isFalse();
    assertThat(config.problem()).contains("kaleyra.tracking.base-url " + rule.trim());
    assertThat(config.baseUri()).isNull();
  }

  @Test
  void rejectsAShortKeyWithoutShowingIt() {
    Map<String, String> values = complete("https://t.example.com");
    values.put(TrackingConfig.KEY, "short-secret");

    TrackingConfig config = TrackingConfig.from(values::get);

    assertThat(config.usable()).isFalse();
    assertThat(config.problem()).contains("kaleyra.tracking.key must be at least 32 characters")
        .doesNotContain("short-secret");
    assertThat(config.key()).isNull();
  }

  @Test
  void neverShowsTheKey() {
    TrackingConfig config = TrackingConfig.from(complete("https://t.example.com")::get);

    assertThat(config.toString()).doesNotContain(KEY_VALUE).contains("key=***");
  }

  @Test
  void readsTheRetentionInDays() {
    Map<String, String> values = complete("https://t.example.com");
    values.put(TrackingConfig.RETENTION_DAYS, "30");
    assertThat(TrackingConfig.from(values::get).retention()).isEqualTo(Duration.ofDays(30));

    values.put(TrackingConfig.RETENTION_DAYS, "0");
    assertThat(TrackingConfig.from(values::get).problem()).contains("kaleyra.tracking.retention-days must be");
  }
}
