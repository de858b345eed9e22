package io.kaleyracta.connector.config;

import io.kaleyracta.connector.input.InputField;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
    Duration initialBackoff,
    Duration maxRetryAfter,
    int sendsPerSecond) {

  public static final String SID = "kaleyra.sid";
  public static final String API_KEY = "kaleyra.api-key";
  public static final String REGION = "kaleyra.region";
  public static final String BASE_URL = "kaleyra.base-url";
  public static final String BUSINESS_NUMBER = "kaleyra.business-number";
  public static final String CONNECT_TIMEOUT_MS = "kaleyra.connect-timeout-ms";
  public static final String READ_TIMEOUT_MS = "kaleyra.read-timeout-ms";
  public static final String RETRY_MAX_ATTEMPTS = "kaleyra.retry.max-attempts";
  public static final String RETRY_BACKOFF_MS = "kaleyra.retry.backoff-ms";
  public static final String RETRY_MAX_RETRY_AFTER_MS = "kaleyra.retry.max-retry-after-ms";
  public static final String RATE_PER_SECOND = "kaleyra.rate.per-second";

  static final long DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
  static final long DEFAULT_READ_TIMEOUT_MS = 15_000;
  static final int DEFAULT_MAX_ATTEMPTS = 3;
  static final long DEFAULT_BACKOFF_MS = 500;
  static final long DEFAULT_MAX_RETRY_AFTER_MS = 10_000;
  /** Upper bound of every duration key: an hour is already far beyond any sane send, and no sum can overflow. */
  static final long MAX_MS = 3_600_000;
  /** Upper bound of attempts: each may hold the job for a read timeout, and Kaleyra suggests retrying in minutes. */
  static final int MAX_ATTEMPTS = 10;
  /** Far above any WhatsApp tier (80/s by default, 1,000/s at most), so a typo cannot mean "unlimited". */
  static final int MAX_SENDS_PER_SECOND = 1_000;

  /** Without a cap on Retry-After waits (as before that key existed): {@value #DEFAULT_MAX_RETRY_AFTER_MS} ms. */
  public KaleyraConfig(String sid, String apiKey, URI baseUri, String businessNumber, Duration connectTimeout,
      Duration readTimeout, int maxAttempts, Duration initialBackoff) {
    this(sid, apiKey, baseUri, businessNumber, connectTimeout, readTimeout, maxAttempts, initialBackoff,
        Duration.ofMillis(DEFAULT_MAX_RETRY_AFTER_MS), 0);
  }

  /** Without a send rate ({@value #RATE_PER_SECOND} unset): as fast as the callers send. */
  public KaleyraConfig(String sid, String apiKey, URI baseUri, String businessNumber, Duration connectTimeout,
      Duration readTimeout, int maxAttempts, Duration initialBackoff, Duration maxRetryAfter) {
    this(sid, apiKey, baseUri, businessNumber, connectTimeout, readTimeout, maxAttempts, initialBackoff,
        maxRetryAfter, 0);
  }

  /** Also for configurations built in code: durations and attempts within the keys' bounds, so no sum overflows. */
  public KaleyraConfig {
    requireWithin(CONNECT_TIMEOUT_MS, connectTimeout, 1);
    requireWithin(READ_TIMEOUT_MS, readTimeout, 1);
    requireWithin(RETRY_BACKOFF_MS, initialBackoff, 0);
    requireWithin(RETRY_MAX_RETRY_AFTER_MS, maxRetryAfter, 0);
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
      throw new KaleyraConfigException(RETRY_MAX_ATTEMPTS + " must be a whole number from 1 to " + MAX_ATTEMPTS);
    }
    if (sendsPerSecond < 0 || sendsPerSecond > MAX_SENDS_PER_SECOND) {
      throw new KaleyraConfigException(RATE_PER_SECOND + " must be a whole number from 0 (no limit) to "
          + MAX_SENDS_PER_SECOND);
    }
  }

  private static void requireWithin(String key, Duration value, long minMillis) {
    if (value == null || value.compareTo(Duration.ofMillis(minMillis)) < 0
        || value.compareTo(Duration.ofMillis(MAX_MS)) > 0) {
      throw new KaleyraConfigException(key + " must be a whole number from " + minMillis + " to " + MAX_MS);
    }
  }

  /** The last configuration read from MicroProfile Config, with the raw values it was parsed from. */
  private static volatile Snapshot last;

  /**
   * Reads and checks every key; all problems are reported together. Called on every send (so a changed value takes
   * effect at once), it parses again only when a raw value differs from the last read: the lookups are cheap, the
   * parsing (URL, patterns, loopback check) is not.
   */
  public static KaleyraConfig from(Config config) {
    Function<String, String> lookup = key -> config.getOptionalValue(key, String.class).orElse(null);
    Snapshot snapshot = last;
    if (snapshot != null && snapshot.matches(lookup)) {
      return snapshot.config();
    }
    Map<String, String> read = new LinkedHashMap<>();
    KaleyraConfig parsed = from(key -> {
      String value = lookup.apply(key);
      read.put(key, value);
      return value;
    });
    last = new Snapshot(read, parsed);
    return parsed;
  }

  /** Every key the parse looked up, with the value it saw (null when absent). */
  private record Snapshot(Map<String, String> read, KaleyraConfig config) {
    boolean matches(Function<String, String> lookup) {
      for (Map.Entry<String, String> entry : read.entrySet()) {
        if (!Objects.equals(lookup.apply(entry.getKey()), entry.getValue())) {
          return false;
        }
      }
      return true;
    }
  }

  /** Same as {@link #from(Config)} over any key lookup (a blank value counts as missing). */
  public static KaleyraConfig from(Function<String, String> lookup) {
    Reader reader = new Reader(lookup);
    String sid = reader.required(SID);
    String apiKey = reader.required(API_KEY);
    URI baseUri = reader.baseUri();
    String businessNumber = reader.businessNumber();
    Duration connectTimeout = Duration.ofMillis(reader.number(CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS, 1, MAX_MS));
    Duration readTimeout = Duration.ofMillis(reader.number(READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS, 1, MAX_MS));
    int maxAttempts = (int) reader.number(RETRY_MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS, 1, MAX_ATTEMPTS);
    Duration backoff = Duration.ofMillis(reader.number(RETRY_BACKOFF_MS, DEFAULT_BACKOFF_MS, 0, MAX_MS));
    Duration maxRetryAfter =
        Duration.ofMillis(reader.number(RETRY_MAX_RETRY_AFTER_MS, DEFAULT_MAX_RETRY_AFTER_MS, 0, MAX_MS));
    int sendsPerSecond = (int) reader.number(RATE_PER_SECOND, 0, 0, MAX_SENDS_PER_SECOND);
    reader.failOnProblems();
    return new KaleyraConfig(sid, apiKey, baseUri, businessNumber, connectTimeout, readTimeout, maxAttempts, backoff,
        maxRetryAfter, sendsPerSecond);
  }

  /**
   * The longest one send can take with this configuration: per attempt a pool checkout and a connect (each bounded
   * by the connect timeout) and a read timeout, plus the pauses between attempts (the doubling backoff, or a 429's
   * Retry-After up to {@link #maxRetryAfter()}, whichever is longer).
   */
  public Duration worstCaseSendTime() {
    Duration total = connectTimeout.multipliedBy(2).plus(readTimeout).multipliedBy(maxAttempts);
    Duration backoff = initialBackoff;
    for (int attempt = 2; attempt <= maxAttempts; attempt++) {
      total = total.plus(backoff.compareTo(maxRetryAfter) > 0 ? backoff : maxRetryAfter);
      backoff = backoff.multipliedBy(2);
    }
    return total;
  }

  @Override
  public String toString() {
    return "KaleyraConfig[sid=" + sid + ", apiKey=***, baseUri=" + baseUri + ", businessNumber=" + businessNumber
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", maxAttempts=" + maxAttempts
        + ", initialBackoff=" + initialBackoff + ", maxRetryAfter=" + maxRetryAfter + ", sendsPerSecond="
        + sendsPerSecond + "]";
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

    /** A whole number within bounds; anything else (a fraction, a sign, 30 digits) is a problem naming the key. */
    long number(String key, long defaultValue, long min, long max) {
      String value = value(key);
      if (value == null) {
        return defaultValue;
      }
      if (value.matches("[+-]?[0-9]{1,18}")) { // 18 digits always fit a long: no overflow to catch
        long parsed = Long.parseLong(value);
        if (parsed >= min && parsed <= max) {
          return parsed;
        }
      }
      problems.add(key + " must be a whole number from " + min + " to " + max);
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
      return LoopbackHost.is(host);
    }

    private static String envName(String key) {
      return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
  }
}
