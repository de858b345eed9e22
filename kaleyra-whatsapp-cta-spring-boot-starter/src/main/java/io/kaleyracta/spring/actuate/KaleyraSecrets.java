package io.kaleyracta.spring.actuate;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Keeps the connector's secrets out of {@code /actuator/env} and {@code /actuator/configprops}, also when an
 * application shows values there ({@code management.endpoint.env.show-values: ALWAYS}). It matches every spelling
 * Spring Boot accepts for a key ({@code kaleyra.api-key}, {@code kaleyra.apiKey}, {@code KALEYRA_API_KEY}) and any
 * {@code kaleyra.*} key that names a key, secret, password, token or credential.
 */
public class KaleyraSecrets implements SanitizingFunction {

  private static final Set<String> SECRET_WORDS = Set.of("key", "secret", "password", "token", "credential");

  @Override
  public SanitizableData apply(SanitizableData data) {
    return isSecret(data.getKey()) ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
  }

  static boolean isSecret(String key) {
    if (key == null) {
      return false;
    }
    String flat = key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    return flat.startsWith("kaleyra") && SECRET_WORDS.stream().anyMatch(word -> flat.substring(7).contains(word));
  }
}
