package io.kaleyracta.connector.config;

import io.kaleyracta.connector.input.InputField;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The connector's configuration, a typed view of MicroProfile Config read in one go. Every key is also an
 * environment variable by MP Config's mapping rule ({@code kaleyra.api-key} is {@code KALEYRA_API_KEY}).
 *
 * <p>{@link #toString()} never shows the API key; error messages name keys, never values.
 */
public record KaleyraConfig(
    String sid,
    String apiKey,
    URI baseUri,
    String businessNumber,
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    Duration initialBackoff) {

  public static final String SID = "kaleyra.sid";
  public static final String API_KEY = "kaleyra.api-key";
  public static final String REGION = "kaleyra.region";
  public static final String BASE_URL = "kaleyra.base-url";
  public static final String BUSINESS_NUMBER = "kaleyra.business-number";
  public static final String CONNECT_TIMEOUT_MS = "kaleyra.connect-timeout-ms";
  public static final String READ_TIMEOUT_MS = "kaleyra.read-timeout-ms";
  public static final String RETRY_MAX_ATTEMPTS = "kaleyra.retry.max-attempts";
  public static final String RETRY_BACKOFF_MS = "kaleyra.retry.backoff-ms";

  static final long DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
  static final long DEFAULT_READ_TIMEOUT_MS = 15_000;
  static final int DEFAULT_MAX_ATTEMPTS = 3;
  static final long DEFAULT_BACKOFF_MS = 500;

  /** Reads and checks every key; all problems are reported together. */
  public static KaleyraConfig from(Config config) {
    return from(key -> config.getOptionalValue(key, String.class).orElse(null));
  }

  /** Same as {@link #from(Config)} over any key lookup (a blank value counts as missing). */
  public static KaleyraConfig from(Function<String, String> lookup) {
    Reader reader = new Reader(lookup);
    String sid = reader.required(SID);
    String apiKey = reader.required(API_KEY);
    URI baseUri = reader.baseUri();
    String businessNumber = reader.businessNumber();
    Duration connectTimeout = Duration.ofMillis(reader.number(CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS, 1));
    Duration readTimeout = Duration.ofMillis(reader.number(READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS, 1));
    int maxAttempts = (int) reader.number(RETRY_MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS, 1);
    Duration backoff = Duration.ofMillis(reader.number(RETRY_BACKOFF_MS, DEFAULT_BACKOFF_MS, 0));
    reader.failOnProblems();
    return new KaleyraConfig(sid, apiKey, baseUri, businessNumber, connectTimeout, readTimeout, maxAttempts, backoff);
  }

  @Override
  public String toString() {
    return "KaleyraConfig[sid=" + sid + ", apiKey=***, baseUri=" + baseUri + ", businessNumber=" + businessNumber
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", maxAttempts=" + maxAttempts
        + ", initialBackoff=" + initialBackoff + "]";
  }

  /** Collects problems instead of failing on the first, so an operator fixes everything in one round. */
  private static final class Reader {
    private final Function<String, String> lookup;
    private final List<String> problems = new ArrayList<>();

    Reader(Function<String, String> lookup) {
      this.lookup = lookup;
    }

    String value(String key) {
      String value = lookup.apply(key);
      return value == null || value.isBlank() ? null : value.trim();
    }

    String required(String key) {
      String value = value(key);
      if (value == null) {
        problems.add(key + " is missing (environment variable " + envName(key) + ")");
      }
      return value;
    }

    long number(String key, long defaultValue, long min) {
      String value = value(key);
      if (value == null) {
        return defaultValue;
      }
      try {
        long parsed = Long.parseLong(value);
        if (parsed >= min) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(key + " must be a whole number >= " + min);
      return defaultValue;
    }

    String businessNumber() {
      String value = value(BUSINESS_NUMBER);
      if (value != null && !value.matches(InputField.PHONE_PATTERN)) {
        problems.add(BUSINESS_NUMBER + " must be a phone number in E.164 form, 7 to 15 digits with an optional +");
      }
      return value;
    }

    URI baseUri() {
      String override = value(BASE_URL);
      if (override == null) {
        String region = Optional.ofNullable(value(REGION)).orElse("IN").toUpperCase(Locale.ROOT);
        try {
          return KaleyraRegion.valueOf(region).baseUri();
        } catch (IllegalArgumentException e) {
          problems.add(REGION + " must be one of IN, SG, EU");
          return KaleyraRegion.IN.baseUri();
        }
      }
      try {
        URI uri = new URI(override.endsWith("/") ? override.substring(0, override.length() - 1) : override);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
          problems.add(BASE_URL + " must be an absolute https URL");
        } else if (scheme.equals("http") && !isLoopback(uri.getHost())) {
          problems.add(BASE_URL + " may use plain http only for a loopback host (a local sandbox); use https");
        }
        return uri;
      } catch (URISyntaxException e) {
        problems.add(BASE_URL + " is not a valid URL");
        return null;
      }
    }

    void failOnProblems() {
      if (!problems.isEmpty()) {
        throw new KaleyraConfigException("Invalid Kaleyra connector configuration: " + String.join("; ", problems));
      }
    }

    private static boolean isLoopback(String host) {
      if (host.equalsIgnoreCase("localhost")) {
        return true;
      }
      if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")) {
        return false; // never resolve names here: only literal loopback addresses count
      }
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }

    private static String envName(String key) {
      return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
  }
}
