package io.kaleyracta.connector.testing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A MicroProfile Config source the tests write to, registered through ServiceLoader like any user's source.
 * Values are read on every lookup, so a test can point the connector at its own sandbox.
 */
public final class TestConfig implements ConfigSource {

  private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

  public static void set(String key, String value) {
    if (value == null) {
      VALUES.remove(key);
    } else {
      VALUES.put(key, value);
    }
  }

  public static void clear() {
    VALUES.clear();
  }

  @Override
  public Set<String> getPropertyNames() {
    return Set.copyOf(VALUES.keySet());
  }

  @Override
  public String getValue(String propertyName) {
    return VALUES.get(propertyName);
  }

  @Override
  public String getName() {
    return "kaleyra-connector-tests";
  }

  @Override
  public int getOrdinal() {
    return 500;
  }
}
