package io.kaleyracta.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kaleyracta.connector.config.KaleyraConfig;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The IDE completion (META-INF/spring-configuration-metadata.json, written by Spring Boot's processor) lists every key
 * the connector reads, with a description, and its defaults are the connector's.
 */
class ConfigurationMetadataTest {

  @Test
  void everyConnectorKeyIsDescribedWithTheConnectorsDefault() throws Exception {
    Map<String, JsonNode> properties = metadata();
    Set<String> connectorKeys = Arrays.stream(KaleyraConfig.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(ConfigurationMetadataTest::value)
        .filter(key -> key.startsWith("kaleyra."))
        .collect(Collectors.toSet());

    assertThat(connectorKeys).hasSize(11);
    assertThat(properties.keySet()).containsAll(connectorKeys).contains("kaleyra.health.window");
    connectorKeys.forEach(key -> assertThat(properties.get(key).path("description").asText()).as(key).isNotBlank());

    KaleyraConfig defaults = KaleyraConfig.from(Map.of(KaleyraConfig.SID, "s", KaleyraConfig.API_KEY, "k")::get);
    assertThat(properties.get(KaleyraConfig.CONNECT_TIMEOUT_MS).path("defaultValue").asLong())
        .isEqualTo(defaults.connectTimeout().toMillis());
    assertThat(properties.get(KaleyraConfig.READ_TIMEOUT_MS).path("defaultValue").asLong())
        .isEqualTo(defaults.readTimeout().toMillis());
    assertThat(properties.get(KaleyraConfig.RETRY_MAX_ATTEMPTS).path("defaultValue").asInt())
        .isEqualTo(defaults.maxAttempts());
    assertThat(properties.get(KaleyraConfig.RETRY_BACKOFF_MS).path("defaultValue").asLong())
        .isEqualTo(defaults.initialBackoff().toMillis());
    assertThat(properties.get(KaleyraConfig.RETRY_MAX_RETRY_AFTER_MS).path("defaultValue").asLong())
        .isEqualTo(defaults.maxRetryAfter().toMillis());
    assertThat(properties.get(KaleyraConfig.REGION).path("defaultValue").asText()).isEqualTo("IN");
    assertThat(properties.get(KaleyraConfig.RATE_PER_SECOND).path("defaultValue").asInt())
        .isEqualTo(defaults.sendsPerSecond());
  }

  private static Map<String, JsonNode> metadata() throws IOException {
    try (InputStream in = KaleyraProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      Map<String, JsonNode> byName = new HashMap<>();
      new ObjectMapper().readTree(in).path("properties").forEach(p -> byName.put(p.path("name").asText(), p));
      return byName;
    }
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
