package io.kaleyracta.connector.client;

import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.payload.KaleyraResponse;
import io.kaleyracta.connector.payload.PayloadJson;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * What Kaleyra's answer, or the failure to get one, means for the message: pure functions, no I/O, so every row
 * of the error table in docs/reference.md is tested on its own. The rule behind every row: an answer counts as
 * accepted or as rejected only when it proves it (a message id, Kaleyra's own error code); a failure counts as
 * "not sent" only when no request byte can have left (connect, TLS handshake, pool checkout) or Kaleyra refused it
 * unread (429); anything else may have reached the customer and is {@link SendOutcome#OUTCOME_UNKNOWN}, never resent.
 */
public final class KaleyraAnswers {

  static final String ACCEPTED_CODE = "WA202";
  private static final int BODY_EXCERPT = 120;
  private static final int TOO_MANY_REQUESTS = 429;
  /** A longer Retry-After is not waited for anyway; the cap keeps a silly value from overflowing. */
  private static final long RETRY_AFTER_MAX_SECONDS = 366L * 24 * 3600;
  private static final Pattern MESSAGE_ID = Pattern.compile("\"message_id\"\\s*:\\s*\"([A-Za-z0-9._:-]{1,128})\"");
  private static final Pattern WA202 = Pattern.compile("\"code\"\\s*:\\s*\"" + ACCEPTED_CODE + "\"");
  private static final String MAYBE_SENT = "; the message may or may not have been sent";

  private final PayloadJson json;
  private final Clock clock;

  /** @param clock the time against which a {@code Retry-After} HTTP date is measured */
  public KaleyraAnswers(PayloadJson json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  /**
   * An HTTP answer.
   *
   * @param headers the first value of a response header by case-insensitive name, or null
   * @param body the body as text, {@code ""} when there was none, {@code null} when it broke off while being read
   */
  public SendOutcome answer(int status, Function<String, String> headers, String body) {
    Optional<KaleyraResponse> parsed = json.parseResponse(body);
    if (status == TOO_MANY_REQUESTS) {
      return rateLimited(headers.apply("Retry-After"), parsed);
    }
    if (status >= 200 && status < 300) {
      return success(status, headers.apply("Content-Type"), body, parsed);
    }
    Optional<KaleyraResponse> error = parsed.filter(r -> r.code() != null && !r.code().isBlank());
    if (error.isEmpty()) {
      return new SendOutcome.Unconfirmed("Kaleyra answered HTTP " + status + " without its JSON error body ("
          + bodyShape(headers.apply("Content-Type"), body) + ")" + MAYBE_SENT);
    }
    KaleyraResponse r = error.get();
    String message = r.message() == null ? "HTTP " + status : r.message();
    if (status >= 500 && !SendOutcome.KALEYRA_SERVER_ERROR.equals(r.code())) {
      // a gateway's code, or an undocumented 5xx: nothing proves the message was not taken
      return new SendOutcome.Unconfirmed("Kaleyra answered HTTP " + status + " with code " + r.code() + " ("
          + message + "), not Kaleyra's " + SendOutcome.KALEYRA_SERVER_ERROR + MAYBE_SENT);
    }
    return new SendOutcome.Rejected(r.code(), message, status);
  }

  /**
   * A failure without any HTTP answer: the exception the REST client threw (usually a {@code ProcessingException}
   * around the cause). Only failures before a request byte left are {@link SendOutcome.Unavailable}.
   */
  public static SendOutcome failure(Throwable e) {
    Throwable poolTimeout = find(e, t -> t.getClass().getSimpleName().equals("ConnectionPoolTimeoutException"));
    if (poolTimeout != null) {
      return new SendOutcome.Unavailable("Kaleyra could not be reached: no free connection in the client's pool in "
          + "time (" + describe(poolTimeout) + "); nothing was sent");
    }
    String tls = tlsHandshakeFailure(e);
    if (tls != null) {
      return new SendOutcome.Unavailable("Kaleyra could not be reached: TLS handshake failed: " + tls
          + "; nothing was sent");
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof UnknownHostException
          || cause instanceof NoRouteToHostException || isConnectTimeout(cause)) {
        return new SendOutcome.Unavailable("Kaleyra could not be reached: " + describe(cause));
      }
      if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
        return new SendOutcome.Unconfirmed("Kaleyra did not answer in time (" + describe(cause) + ")" + MAYBE_SENT);
      }
    }
    return new SendOutcome.Unconfirmed("The request to Kaleyra failed after it was sent (" + describe(rootCause(e))
        + ")" + MAYBE_SENT);
  }

  /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable (the backoff applies). */
  Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.matches("[0-9]+")) {
      return Duration.ofSeconds(trimmed.length() > 9 ? RETRY_AFTER_MAX_SECONDS
          : Math.min(Long.parseLong(trimmed), RETRY_AFTER_MAX_SECONDS));
    }
    try {
      Duration until = Duration.between(clock.instant(),
          ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      if (until.isNegative()) {
        return Duration.ZERO;
      }
      return until.compareTo(Duration.ofSeconds(RETRY_AFTER_MAX_SECONDS)) > 0
          ? Duration.ofSeconds(RETRY_AFTER_MAX_SECONDS) : until;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private SendOutcome rateLimited(String retryAfterHeader, Optional<KaleyraResponse> parsed) {
    Duration wait = retryAfter(retryAfterHeader);
    String code = parsed.map(KaleyraResponse::code).filter(c -> !c.isBlank()).map(c -> " " + c).orElse("");
    return new SendOutcome.Unavailable("Kaleyra refused the request for now (HTTP 429" + code
        + (wait == null ? "" : ", Retry-After " + wait.toSeconds() + " s") + "); nothing was sent", wait);
  }

  /** A 2xx is a success only with a message id or Kaleyra's WA202 code; a bare 200/204 may be anyone's. */
  private static SendOutcome success(int status, String contentType, String body, Optional<KaleyraResponse> parsed) {
    String messageId = parsed.map(KaleyraResponse::messageId).orElseGet(() -> salvageMessageId(body));
    if (messageId != null) {
      return new SendOutcome.Accepted(messageId);
    }
    boolean kaleyraAccepted = parsed.map(r -> ACCEPTED_CODE.equals(r.code()))
        .orElseGet(() -> body != null && WA202.matcher(body).find());
    if (kaleyraAccepted) {
      return new SendOutcome.Accepted(null); // on its way: never resend it, although its id is unknown
    }
    return new SendOutcome.Unconfirmed("Kaleyra answered HTTP " + status + " without a message id ("
        + bodyShape(contentType, body) + "), so it is not known to be Kaleyra's answer" + MAYBE_SENT);
  }

  /**
   * Kaleyra's own documentation shows a 202 body that is not valid JSON (commas missing). Should the real API answer
   * like that, the id is still plainly there: take it rather than lose it.
   */
  private static String salvageMessageId(String body) {
    if (body == null) {
      return null;
    }
    Matcher matcher = MESSAGE_ID.matcher(body);
    return matcher.find() ? matcher.group(1) : null;
  }

  /**
   * The handshake comes before any request byte. JSSE reports most handshake failures as
   * {@link SSLHandshakeException}, but a server answering something other than TLS gives a plain
   * {@link SSLException} thrown from {@code startHandshake}; a later {@code SSLException} (a broken record while
   * reading the answer) is not a handshake failure.
   */
  private static String tlsHandshakeFailure(Throwable e) {
    Throwable handshake = find(e, t -> t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException
        || (t instanceof SSLException && thrownDuringHandshake(t)));
    if (handshake == null) {
      return null;
    }
    String detail = " (" + describe(rootCause(handshake)) + ")";
    if (find(e, t -> t instanceof CertificateExpiredException) != null) {
      return "certificate expired" + detail;
    }
    if (find(e, t -> t instanceof CertificateNotYetValidException) != null) {
      return "certificate not yet valid" + detail;
    }
    if (find(e, t -> t instanceof SSLPeerUnverifiedException) != null) {
      return "certificate does not match the host name" + detail;
    }
    if (find(e, t -> t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
        || t instanceof CertificateException) != null) {
      return "certificate not trusted" + detail;
    }
    return describe(rootCause(handshake));
  }

  private static boolean thrownDuringHandshake(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getMethodName().equals("startHandshake")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConnectTimeout(Throwable t) {
    String type = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    return type.contains("connecttimeout")
        || (t instanceof SocketTimeoutException && message.contains("connect timed out"));
  }

  private static Throwable find(Throwable e, Predicate<Throwable> test) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (test.test(t)) {
        return t;
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String describe(Throwable t) {
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  private static String bodyShape(String contentType, String body) {
    String type = contentType == null ? "no content type" : contentType;
    if (body == null) {
      return type + ", body unreadable";
    }
    if (body.isBlank()) {
      return type + ", empty body";
    }
    String flat = body.replaceAll("\\s+", " ").trim();
    return type + ": " + (flat.length() > BODY_EXCERPT ? flat.substring(0, BODY_EXCERPT) + "..." : flat);
  }
}
