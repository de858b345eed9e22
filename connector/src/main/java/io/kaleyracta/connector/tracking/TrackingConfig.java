package io.kaleyracta.connector.tracking;

import io.kaleyracta.connector.config.LoopbackHost;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Tap tracking's configuration: the public base URL under which this server answers {@value #PATH}{@code <token>}
 * and the key that signs the tokens. Tracking is optional: when the keys are missing or wrong, {@link #problem()}
 * says which and why, and nothing is tracked (a task that asks for tracking gets {@code KALEYRA_INVALID_INPUT},
 * the redirect endpoint answers 404 to everything).
 *
 * <p>{@link #toString()} never shows the key; {@link #problem()} names keys, never values.
 */
public record TrackingConfig(URI baseUri, String key, Duration retention, String problem) {

  public static final String BASE_URL = "kaleyra.tracking.base-url";
  public static final String KEY = "kaleyra.tracking.key";
  public static final String RETENTION_DAYS = "kaleyra.tracking.retention-days";

  /** Where the redirect endpoint listens, below the base URL. */
  public static final String PATH = "/kaleyra/t/";
  /** 32 characters: 192 bits or more of a random key written in base64. */
  public static final int MIN_KEY_LENGTH = 32;
  static final long DEFAULT_RETENTION_DAYS = 90;

  /** Reads the keys; never throws: an unusable configuration is described in {@link #problem()}. */
  public static TrackingConfig from(Function<String, String> lookup) {
    List<String> problems = new ArrayList<>();
    String base = value(lookup, BASE_URL);
    String key = value(lookup, KEY);
    URI baseUri = null;
    if (base == null) {
      problems.add(BASE_URL + " is missing (environment variable " + envName(BASE_URL) + ")");
    } else {
      baseUri = baseUri(base, problems);
    }
    if (key == null) {
      problems.add(KEY + " is missing (environment variable " + envName(KEY) + ")");
    } else if (key.length() < MIN_KEY_LENGTH) {
      problems.add(KEY + " must be at least " + MIN_KEY_LENGTH + " characters of random text (e.g. openssl rand -base64 32)");
    }
    long days = DEFAULT_RETENTION_DAYS;
    String retention = value(lookup, RETENTION_DAYS);
    if (retention != null) {
      try {
        days = Long.parseLong(retention);
      } catch (NumberFormatException e) {
        days = 0;
      }
      if (days < 1) {
        problems.add(RETENTION_DAYS + " must be a whole number >= 1");
        days = DEFAULT_RETENTION_DAYS;
      }
    }
    String problem = problems.isEmpty() ? null : "tap tracking is not configured: " + String.join("; ", problems);
    return new TrackingConfig(problem == null ? baseUri : null, problem == null ? key : null, Duration.ofDays(days),
        problem);
  }

  public boolean usable() {
    return problem == null;
  }

  /** The link the customer's button gets. */
  public String linkFor(String token) {
    return baseUri + PATH + token;
  }

  @Override
  public String toString() {
    return "TrackingConfig[baseUri=" + baseUri + ", key=" + (key == null ? "none" : "***") + ", retention="
        + retention + ", problem=" + problem + "]";
  }

  private static URI baseUri(String value, List<String> problems) {
    String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
        problems.add(BASE_URL + " must be an absolute https URL");
      } else if (scheme.equals("http") && !LoopbackHost.is(uri.getHost())) {
        problems.add(BASE_URL + " may use plain http only for a loopback host (a local demo); use https");
      } else if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        problems.add(BASE_URL + " must be a plain base URL without user, query or fragment");
      } else {
        return uri;
      }
    } catch (URISyntaxException e) {
      problems.add(BASE_URL + " is not a valid URL");
    }
    return null;
  }

  private static String value(Function<String, String> lookup, String key) {
    String value = lookup.apply(key);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String envName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }
}
