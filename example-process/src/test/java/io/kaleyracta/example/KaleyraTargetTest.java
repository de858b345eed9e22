package io.kaleyracta.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.sandbox.KaleyraSandbox;
import io.kaleyracta.spring.KaleyraAutoConfiguration;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Which Kaleyra the one command talks to, and how its profile configures the connector (the example's real
 * application.yaml and profile files, read by the starter). The sandbox branch is what every engine test runs on.
 */
class KaleyraTargetTest {

  /** Only the connector's starter: the profile files are read, no engine is started. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(KaleyraAutoConfiguration.class)
  static class ConnectorOnly {
  }

  @Test
  void demoProfilePointsTheConnectorAtTheSandboxWhateverKaleyraVariablesSay() {
    Map<String, Object> env = Map.of("KALEYRA_BASE_URL", "https://api.in.kaleyra.io",
        "KALEYRA_SID", "HXAP1600000097IN", "KALEYRA_API_KEY", "k-real", "PATH", "/usr/bin",
        "KALEYRA_CALLBACK_PASSWORD", "a-real-callback-password");

    try (KaleyraTarget target = KaleyraTarget.sandbox();
        ConfigurableApplicationContext context = start(target, env)) {
      KaleyraConfig config = context.getBean(KaleyraConfig.class);

      assertThat(context.getEnvironment().getActiveProfiles()).containsExactly(KaleyraTarget.DEMO_PROFILE);
      assertThat(config.baseUri()).isEqualTo(URI.create(target.localSandbox().orElseThrow().baseUrl()));
      assertThat(config.sid()).isEqualTo(KaleyraSandbox.SID);
      assertThat(config.apiKey()).isEqualTo(KaleyraSandbox.API_KEY);
      assertThat(config.businessNumber()).isEqualTo(KaleyraSandbox.BUSINESS_NUMBER);
      assertThat(config.maxAttempts()).isEqualTo(3);
      assertThat(context.getEnvironment().getProperty("PATH")).isEqualTo("/usr/bin");
      // the status endpoint's demo-only credentials, which the sandbox's callbacks also get
      assertThat(context.getEnvironment().getProperty("kaleyra.callback.username")).isEqualTo("sandbox-callbacks");
      assertThat(context.getEnvironment().getProperty("kaleyra.callback.password"))
          .isEqualTo("demo-only-callback-password-for-the-local-sandbox");
    }
  }

  @Test
  void realAccountProfileTakesTheAccountFromKaleyraVariables() {
    Map<String, String> env = Map.of("KALEYRA_SID", "HXAP1600000097IN", "KALEYRA_API_KEY", "k-123",
        "KALEYRA_BUSINESS_NUMBER", "+918049000000", "KALEYRA_DEMO_RECIPIENT", "+919876543210",
        "KALEYRA_BASE_URL", "http://127.0.0.1:18089");

    try (KaleyraTarget target = KaleyraTarget.choose(env, false);
        ConfigurableApplicationContext context = start(target, new HashMap<>(env))) {
      KaleyraConfig config = context.getBean(KaleyraConfig.class);

      assertThat(context.getEnvironment().getActiveProfiles()).containsExactly(KaleyraTarget.REAL_ACCOUNT_PROFILE);
      assertThat(config.sid()).isEqualTo("HXAP1600000097IN");
      assertThat(config.apiKey()).isEqualTo("k-123");
      assertThat(config.businessNumber()).isEqualTo("+918049000000");
      assertThat(config.baseUri()).isEqualTo(URI.create("http://127.0.0.1:18089"));
      assertThat(context.getEnvironment().getProperty("kaleyra.callback.password"))
          .as("no callback credentials in a file: only KALEYRA_CALLBACK_* would set them").isNull();
    }
  }

  @Test
  void credentialsAndARecipientSelectTheRealKaleyraAndSetNothing() {
    Map<String, String> env = Map.of("KALEYRA_SID", "HXAP1600000097IN", "KALEYRA_API_KEY", "k-123",
        "KALEYRA_BUSINESS_NUMBER", "+918049000000", "KALEYRA_DEMO_RECIPIENT", " +919876543210 ");

    try (KaleyraTarget target = KaleyraTarget.choose(env, false)) {
      assertThat(target.isSandbox()).isFalse();
      assertThat(target.realRecipient()).isEqualTo("+919876543210");
      assertThat(target.describe()).contains("KALEYRA_SID").doesNotContain("k-123");
    }
  }

  @Test
  void halfSetCredentialsNameWhatIsMissingNeverAValue() {
    Map<String, String> env = Map.of("KALEYRA_API_KEY", "k-secret-value");

    assertThatThrownBy(() -> KaleyraTarget.choose(env, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("missing: KALEYRA_SID, KALEYRA_BUSINESS_NUMBER, KALEYRA_DEMO_RECIPIENT")
        .hasMessageContaining("Nothing was sent")
        .message().doesNotContain("k-secret-value");
  }

  @Test
  void optionsPassSpringPropertiesThroughAndRejectUnknownWords() {
    ReminderExampleApplication.Options options =
        ReminderExampleApplication.Options.parse(new String[] {"--keep-running", "--server.port=9090"});

    assertThat(options.keepRunning).isTrue();
    assertThat(options.springArgs).containsExactly("--server.port=9090");
    assertThatThrownBy(() -> ReminderExampleApplication.Options.parse(new String[] {"--keep-runing"}))
        .hasMessageContaining("unknown argument: --keep-runing");
  }

  /** Runs the connector's part of the example application with exactly these operating-system variables. */
  private static ConfigurableApplicationContext start(KaleyraTarget target, Map<String, Object> variables) {
    SpringApplication application = new SpringApplication(ConnectorOnly.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setEnvironment(new StandardEnvironment() {
      @Override
      protected void customizePropertySources(MutablePropertySources sources) {
        super.customizePropertySources(sources);
        sources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
      }
    });
    target.configure(application);
    return application.run();
  }
}
