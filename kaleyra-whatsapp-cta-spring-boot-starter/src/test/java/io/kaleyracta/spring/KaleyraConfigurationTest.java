package io.kaleyracta.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.config.KaleyraConfigException;
import io.kaleyracta.connector.send.CtaSender;
import io.kaleyracta.connector.tracking.TrackingConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Where {@code kaleyra.*} comes from in Spring Boot, and what a bad value does at start-up. Only the starter's core
 * auto-configuration runs here (no engine), in a real {@code SpringApplication}: config data files, environment
 * variables and Spring Boot's failure report behave as in an application.
 */
@ExtendWith(OutputCaptureExtension.class)
class KaleyraConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(KaleyraAutoConfiguration.class)
  static class KaleyraOnly {
  }

  @Test
  void readsApplicationYamlWithAnyOfSpringsSpellings() {
    // src/test/resources/yaml-config.yaml: kebab case, camel case and nested keys
    try (ConfigurableApplicationContext context = application(withVariables(Map.of()), "yaml-config").run()) {
      KaleyraConfig config = context.getBean(KaleyraConfig.class);

      assertThat(config.sid()).isEqualTo("HXYAML0000001EU");
      assertThat(config.apiKey()).isEqualTo("yaml-key");
      assertThat(config.baseUri()).isEqualTo(URI.create("https://api.eu.kaleyra.io"));
      assertThat(config.businessNumber()).isEqualTo("+918049000000");
      assertThat(config.readTimeout()).isEqualTo(Duration.ofMillis(2500));
      assertThat(config.maxAttempts()).isEqualTo(5);
      assertThat(config.initialBackoff()).isEqualTo(Duration.ofMillis(250));
    }
  }

  @Test
  void readsEnvironmentVariablesByTheSameNamesAsMicroProfileConfig() {
    StandardEnvironment environment = withVariables(Map.of(
        "KALEYRA_SID", "HXENV00000001IN",
        "KALEYRA_API_KEY", "env-key",
        "KALEYRA_BASE_URL", "http://127.0.0.1:18089/",
        "KALEYRA_BUSINESS_NUMBER", "+919000000000",
        "KALEYRA_CONNECT_TIMEOUT_MS", "1200",
        "KALEYRA_RETRY_MAX_ATTEMPTS", "1"));

    try (ConfigurableApplicationContext context = application(environment, "no-such-file").run()) {
      KaleyraConfig config = context.getBean(KaleyraConfig.class);

      assertThat(config.sid()).isEqualTo("HXENV00000001IN");
      assertThat(config.apiKey()).isEqualTo("env-key");
      assertThat(config.baseUri()).isEqualTo(URI.create("http://127.0.0.1:18089"));
      assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1200));
      assertThat(config.maxAttempts()).isEqualTo(1);
    }
  }

  @Test
  void readsTapTrackingFromTheEnvironmentAndGivesItToTheSender() {
    StandardEnvironment environment = withVariables(Map.of(
        "KALEYRA_SID", "HXENV00000001IN",
        "KALEYRA_API_KEY", "env-key",
        "KALEYRA_TRACKING_BASE_URL", "https://journeys.example.com/",
        "KALEYRA_TRACKING_KEY", "tracking-key-from-the-environment-0123456789"));

    try (ConfigurableApplicationContext context = application(environment, "no-such-file").run()) {
      TrackingConfig tracking = context.getBean(CtaSender.class).trackingConfig();

      assertThat(tracking.usable()).isTrue();
      assertThat(tracking.linkFor("T")).isEqualTo("https://journeys.example.com/kaleyra/t/T");
      assertThat(tracking.toString()).doesNotContain("tracking-key-from-the-environment");
    }
  }

  @Test
  void leavesTapTrackingOffWithoutItsKeys() {
    StandardEnvironment environment = withVariables(Map.of(
        "KALEYRA_SID", "HXENV00000001IN",
        "KALEYRA_API_KEY", "env-key"));

    try (ConfigurableApplicationContext context = application(environment, "no-such-file").run()) {
      assertThat(context.getBean(CtaSender.class).trackingConfig().problem())
          .contains("kaleyra.tracking.base-url is missing", "kaleyra.tracking.key is missing");
    }
  }

  @Test
  void badConfigurationStopsStartUpNamingEachKeyButNoValue(CapturedOutput output) {
    StandardEnvironment environment = withVariables(Map.of(
        "KALEYRA_API_KEY", "secret-key-value-42",
        "KALEYRA_BASE_URL", "http://kaleyra.example.com",
        "KALEYRA_READ_TIMEOUT_MS", "soon",
        "KALEYRA_RETRY_MAX_ATTEMPTS", "0"));

    assertThatThrownBy(() -> application(environment, "no-such-file").run())
        .rootCause()
        .isInstanceOf(KaleyraConfigException.class)
        .hasMessageContaining("kaleyra.sid is missing (environment variable KALEYRA_SID)")
        .hasMessageContaining("kaleyra.base-url may use plain http only for a loopback host")
        .hasMessageContaining("kaleyra.read-timeout-ms must be a whole number from 1 to 3600000")
        .hasMessageContaining("kaleyra.retry.max-attempts must be a whole number from 1 to 10")
        .message().doesNotContain("secret-key-value-42").doesNotContain("soon");
    // Spring Boot's start-up report (the starter's failure analyzer), with what to do
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("Invalid Kaleyra connector configuration: kaleyra.sid is missing")
        .contains("Set each key named above under kaleyra:")
        .doesNotContain("secret-key-value-42");
  }

  private static SpringApplicationBuilder application(StandardEnvironment environment, String configName) {
    return new SpringApplicationBuilder(KaleyraOnly.class)
        .web(WebApplicationType.NONE)
        .environment(environment)
        .properties("spring.config.name=" + configName, "spring.main.banner-mode=off");
  }

  /** An environment whose operating-system variables are exactly these (the JVM's own cannot be changed). */
  static StandardEnvironment withVariables(Map<String, Object> variables) {
    return new StandardEnvironment() {
      @Override
      protected void customizePropertySources(MutablePropertySources sources) {
        super.customizePropertySources(sources);
        sources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
      }
    };
  }
}
