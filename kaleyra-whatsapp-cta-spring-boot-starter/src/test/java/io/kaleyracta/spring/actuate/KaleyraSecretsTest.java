package io.kaleyracta.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every spelling under which the API key (or a later callback secret) can reach an actuator page is masked. */
class KaleyraSecretsTest {

  @ParameterizedTest
  @ValueSource(strings = {"kaleyra.api-key", "kaleyra.apiKey", "KALEYRA_API_KEY", "kaleyra.api_key",
      "kaleyra.callback.secret", "kaleyra.callback.basic-password", "kaleyra.tracking.token"})
  void secretsAreMasked(String key) {
    assertThat(KaleyraSecrets.isSecret(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"kaleyra.sid", "KALEYRA_SID", "kaleyra.business-number", "kaleyra.base-url",
      "kaleyra.retry.max-attempts", "kaleyra.health.window", "spring.datasource.password", "apikey"})
  void otherKeysAreLeftToSpringBoot(String key) {
    assertThat(KaleyraSecrets.isSecret(key)).isFalse();
  }
}
