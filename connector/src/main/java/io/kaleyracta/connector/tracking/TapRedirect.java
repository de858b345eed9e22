package io.kaleyracta.connector.tracking;

import static io.kaleyracta.connector.log.ConnectorLog.LOG;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The redirect endpoint {@code GET /kaleyra/t/<token>} without a web framework: a servlet (or any other host) passes
 * the method, the token and the user agent and writes the {@link Answer} back.
 *
 * <ul>
 *   <li>A token this server signed, for a stored link: 302 to the analyst's URL exactly as stored (query and
 *       fragment included); only non-ASCII characters are percent-encoded, as a browser would.
 *   <li>A person's GET counts a tap in the store; the first one is handed to {@link TapCorrelation}, which stores
 *       it as {@code TAPPED} where the journey looks (before this answer) and ends the waits it satisfies (after it,
 *       on its own thread). HEAD requests and link previews are redirected without counting.
 *   <li>Anything else (unknown, forged or expired token; tracking not configured): a plain 404. The target only
 *       ever comes from the store, so the endpoint cannot be made to redirect anywhere else.
 *   <li>A store that cannot be read (the database is down): 503 with {@code Retry-After}.
 * </ul>
 */
public final class TapRedirect implements AutoCloseable {

  static final String NOT_FOUND_TEXT = "This link is not valid.\n";

  /** What to answer: status, headers and a short body. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public String location() {
      return headers.get("Location");
    }
  }

  private final TapToken tokens;
  private final TapStore store;
  private final TapCorrelation correlation;
  private final Clock clock;

  /** @param config when not {@link TrackingConfig#usable()}, every request gets 404 */
  public TapRedirect(TrackingConfig config, TapStore store, TapCorrelation correlation, Clock clock) {
    this.tokens = config.usable() ? new TapToken(config.key()) : null;
    this.store = store;
    this.correlation = correlation;
    this.clock = clock;
    if (!config.usable()) {
      LOG.tapEndpointUnconfigured(config.problem());
    }
  }

  public Answer answer(String method, String token, String userAgent) {
    boolean head = "HEAD".equals(method);
    if (!head && !"GET".equals(method)) {
      return new Answer(405, headers("Allow", "GET, HEAD", "Content-Type", "text/plain; charset=utf-8"),
          "Method not allowed.\n");
    }
    Optional<String> linkId = tokens == null ? Optional.empty() : tokens.verify(token);
    if (linkId.isEmpty()) {
      return notFound(); // checked before any store is touched: a forged token costs one HMAC
    }
    Optional<TrackedLink> link;
    try {
      link = store.find(linkId.get()).filter(found -> isWebUrl(found.originalUrl()));
    } catch (RuntimeException e) {
      LOG.tapStoreUnavailable(e);
      return new Answer(503, headers("Content-Type", "text/plain; charset=utf-8", "Retry-After", "5"),
          "Please try again in a moment.\n");
    }
    if (link.isEmpty()) {
      return notFound();
    }
    UserAgentClass agent = UserAgentClass.of(userAgent);
    if (!head && agent.counts()) {
      try {
        store.recordTap(link.get().id(), clock.instant(), agent)
            .filter(TrackedLink::firstTap)
            .ifPresent(correlation::submit);
      } catch (RuntimeException e) {
        // the customer still gets the page; the tap is lost, as a tap on a link that answered 503 would be
        LOG.tapNotCounted(e);
      }
    }
    return new Answer(302, headers("Location", location(link.get().originalUrl())), "");
  }

  /** Stops the correlation thread; taps not yet handed on stay in the store and the status inbox. */
  @Override
  public void close() {
    correlation.close();
  }

  private static Answer notFound() {
    return new Answer(404, headers("Content-Type", "text/plain; charset=utf-8"), NOT_FOUND_TEXT);
  }

  private static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    headers.put("Cache-Control", "no-store");
    // the target site learns nothing about the tracking link
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("X-Robots-Tag", "noindex");
    return headers;
  }

  /** The URL as stored; characters outside printable ASCII become UTF-8 percent escapes (headers are ASCII). */
  static String location(String url) {
    StringBuilder out = new StringBuilder(url.length());
    for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > 0x20 && c < 0x7f) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** A stored URL is the validated button URL; this guards the header against a store someone else wrote to. */
  private static boolean isWebUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return (lower.startsWith("https://") || lower.startsWith("http://"))
        && url.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }
}
