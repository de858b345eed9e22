package io.kaleyracta.connector.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.payload.PayloadJson;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.ConnectionPoolTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the error table in docs/reference.md (and the undocumented answers next to them) as a row here: what
 * Kaleyra, a proxy or the network answered, and the outcome the process gets. {@code ACCEPTED} stands for a success.
 */
class KaleyraAnswersTest {

  private static final String ACCEPTED = "ACCEPTED";
  private static final String UNKNOWN = SendOutcome.OUTCOME_UNKNOWN;
  private static final String UNAVAILABLE = SendOutcome.UNAVAILABLE;
  private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
  private static final PayloadJson JSON = new PayloadJson();
  private static final KaleyraAnswers ANSWERS = new KaleyraAnswers(JSON, Clock.fixed(NOW, ZoneOffset.UTC));

  private static final String JSON_TYPE = "application/json";
  private static final String ACCEPTED_BODY =
      "{\"code\":\"WA202\",\"message\":\"Request Accepted\",\"data\":{\"message_id\":\"SBX123\"},\"error\":{}}";
  private static final String SPEC_SAMPLE_202 = "{\n\"code\":\"WA202\"\n\"message\":\"Request Accepted\",\n"
      + "\"data\":{\n\"message_id\":\"SBX456\"\n}\n\"error\":{}\n}";
  private static final String NGINX_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
      + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

  @AfterAll
  static void closeJson() throws Exception {
    JSON.close();
  }

  /** One answer: status, headers, body, and the expected code, message id or message fragment, retry and resend. */
  record Row(String name, int status, Map<String, String> headers, String body, String code, String messageId,
      String messageContains, boolean retryable, boolean mayHaveBeenSent) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Arguments row(String name, int status, String contentType, String body, String code,
      String messageIdOrMessage, boolean retryable, boolean mayHaveBeenSent) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return arguments(new Row(name, status, headers, body, code, code.equals(ACCEPTED) ? messageIdOrMessage : null,
        code.equals(ACCEPTED) ? null : messageIdOrMessage, retryable, mayHaveBeenSent));
  }

  private static Arguments kaleyraError(int status, String code, String message) {
    String body = "{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"data\":{},\"error\":{\"x\":\"" + message
        + "\"}}";
    return row(code + " (" + status + ")", status, JSON_TYPE, body, code, message, false, false);
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        // accepted: a 2xx with a message id, or Kaleyra's WA202 code
        row("202 WA202 with message id", 202, JSON_TYPE, ACCEPTED_BODY, ACCEPTED, "SBX123", false, true),
        row("202 the spec's sample without commas: id salvaged", 202, JSON_TYPE, SPEC_SAMPLE_202, ACCEPTED, "SBX456",
            false, true),
        row("200 with message id", 200, JSON_TYPE, ACCEPTED_BODY, ACCEPTED, "SBX123", false, true),
        row("202 WA202 without message id", 202, JSON_TYPE, "{\"code\":\"WA202\",\"message\":\"Request Accepted\"}",
            ACCEPTED, null, false, true),
        row("202 broken body with WA202 but no id", 202, JSON_TYPE, "{\"code\":\"WA202\" \"message\":", ACCEPTED,
            null, false, true),
        // Kaleyra's documented errors: its code passed through, never retried but WA500
        kaleyraError(401, "RBC001", "Incorrect SID or API key."),
        kaleyraError(401, "WA401", "Phone number is not present or does not belong to the account."),
        kaleyraError(401, "WA-401", "API is not available for given customer.Please contact support for more info"),
        kaleyraError(400, "WA400", "Refer to correct payload format"),
        kaleyraError(400, "E110", "Please check your balance, You have a low balance!"),
        kaleyraError(400, "WAV2101", "Recipient is not a valid WhatsApp user"),
        kaleyraError(404, "NOT_FOUND", "No such endpoint"),
        row("WA500 (500)", 500, JSON_TYPE, "{\"code\":\"WA500\",\"message\":\"Please try again later\",\"data\":{},"
            + "\"error\":{\"error\":\"Internal server error\"}}", "WA500", "Please try again later", true, false),
        // a 2xx without a message id is anyone's answer: unknown, recorded, never resent
        row("200 {}", 200, JSON_TYPE, "{}", UNKNOWN, "HTTP 200 without a message id (application/json: {})", false,
            true),
        row("200 HTML page of a captive portal", 200, "text/html", "<html><body>Sign in to the Wi-Fi</body></html>",
            UNKNOWN, "HTTP 200 without a message id (text/html: <html><body>Sign in", false, true),
        row("204 empty", 204, null, "", UNKNOWN, "HTTP 204 without a message id (no content type, empty body)", false,
            true),
        row("202 body cut off while reading", 202, JSON_TYPE, null, UNKNOWN, "body unreadable", false, true),
        row("200 JSON with another code", 200, JSON_TYPE, "{\"code\":\"OK\",\"message\":\"fine\"}", UNKNOWN,
            "HTTP 200 without a message id", false, true),
        // a 5xx with a code that is not WA500 may have been accepted
        row("504 gateway JSON", 504, JSON_TYPE, "{\"code\":\"GATEWAY_TIMEOUT\",\"message\":\"The upstream server did "
            + "not respond in time\"}", UNKNOWN, "HTTP 504 with code GATEWAY_TIMEOUT (The upstream server did not "
            + "respond in time)", false, true),
        row("503 undocumented Kaleyra code", 503, JSON_TYPE, "{\"code\":\"WA503\",\"message\":\"Service busy\"}",
            UNKNOWN, "HTTP 503 with code WA503 (Service busy)", false, true),
        // answers that are not Kaleyra's JSON
        row("502 nginx HTML", 502, "text/html", NGINX_502, UNKNOWN, "HTTP 502 without its JSON error body (text/html: "
            + "<html> <head><title>502 Bad Gateway</title>", false, true),
        row("500 body cut off", 500, JSON_TYPE, null, UNKNOWN, "(application/json, body unreadable)", false, true),
        row("500 broken JSON", 500, JSON_TYPE, "{\"code\":\"WA5", UNKNOWN, "without its JSON error body", false,
            true),
        row("400 JSON without code", 400, JSON_TYPE, "{\"message\":\"bad\"}", UNKNOWN, "without its JSON error body",
            false, true),
        // 429: nothing was accepted, retried after Retry-After
        row("429 without Retry-After", 429, JSON_TYPE, "", UNAVAILABLE, "HTTP 429); nothing was sent", true, false),
        row("429 with Kaleyra-like JSON", 429, JSON_TYPE, "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"slow down\"}",
            UNAVAILABLE, "HTTP 429 TOO_MANY_REQUESTS", true, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void classifiesEveryAnswer(Row row) {
    SendOutcome outcome = ANSWERS.answer(row.status(), row.headers()::get, row.body());

    if (row.code().equals(ACCEPTED)) {
      assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
      assertThat(outcome.messageId()).isEqualTo(row.messageId());
    } else {
      assertThat(outcome.accepted()).isFalse();
      assertThat(outcome.errorCode()).isEqualTo(row.code());
      assertThat(outcome.errorMessage()).contains(row.messageContains());
    }
    assertThat(outcome.retryable()).as("retryable").isEqualTo(row.retryable());
    assertThat(outcome.mayHaveBeenSent()).as("may have been sent").isEqualTo(row.mayHaveBeenSent());
  }

  @Test
  void keepsKaleyrasMessageOfAFiveHundredWithAnotherCodeAndSaysItMayHaveBeenSent() {
    SendOutcome outcome = ANSWERS.answer(504, Map.of("Content-Type", JSON_TYPE)::get,
        "{\"code\":\"GATEWAY_TIMEOUT\",\"message\":\"The upstream server did not respond in time\"}");

    assertThat(outcome.errorMessage()).isEqualTo("Kaleyra answered HTTP 504 with code GATEWAY_TIMEOUT (The upstream "
        + "server did not respond in time), not Kaleyra's WA500; the message may or may not have been sent");
  }

  static Stream<Arguments> retryAfterValues() {
    return Stream.of(
        arguments("1", Duration.ofSeconds(1)),
        arguments(" 120 ", Duration.ofSeconds(120)),
        arguments("0", Duration.ZERO),
        arguments("Wed, 02 Dec 2026 08:00:30 GMT", Duration.ofSeconds(30)),
        arguments("Wed, 02 Dec 2026 07:59:00 GMT", Duration.ZERO),
        arguments("99999999999999999999999999", Duration.ofDays(366)),
        arguments("Fri, 02 Dec 2050 08:00:00 GMT", Duration.ofDays(366)),
        arguments("-5", null),
        arguments("soon", null),
        arguments("1.5", null),
        arguments("", null));
  }

  @ParameterizedTest(name = "Retry-After \"{0}\" -> {1}")
  @MethodSource("retryAfterValues")
  void readsRetryAfterAsSecondsOrHttpDate(String header, Duration expected) {
    SendOutcome outcome = ANSWERS.answer(429, Map.of("Retry-After", header)::get, "");

    assertThat(outcome.errorCode()).isEqualTo(UNAVAILABLE);
    assertThat(outcome.retryAfter()).isEqualTo(expected);
    assertThat(outcome.retryable()).isTrue();
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        // before a request byte left: unavailable, retried
        arguments("connection refused", new ConnectException("Connection refused"), UNAVAILABLE,
            "Kaleyra could not be reached: ConnectException: Connection refused"),
        arguments("unknown host", new UnknownHostException("api.in.kaleyra.example"), UNAVAILABLE,
            "Kaleyra could not be reached: UnknownHostException"),
        arguments("no route", new NoRouteToHostException("No route to host"), UNAVAILABLE,
            "Kaleyra could not be reached: NoRouteToHostException"),
        arguments("Apache connect timeout", new ConnectTimeoutException("Connect to 10.0.0.1:443 timed out"),
            UNAVAILABLE, "Kaleyra could not be reached: ConnectTimeoutException"),
        arguments("JDK connect timeout", new SocketTimeoutException("connect timed out"), UNAVAILABLE,
            "Kaleyra could not be reached: SocketTimeoutException: connect timed out"),
        arguments("pool checkout timeout",
            new ConnectionPoolTimeoutException("Timeout waiting for connection from pool"), UNAVAILABLE,
            "Kaleyra could not be reached: no free connection in the client's pool in time "
                + "(ConnectionPoolTimeoutException: Timeout waiting for connection from pool); nothing was sent"),
        arguments("untrusted certificate", untrustedCertificate(), UNAVAILABLE,
            "Kaleyra could not be reached: TLS handshake failed: certificate not trusted (CertPathBuilderException: "
                + "unable to find valid certification path to requested target); nothing was sent"),
        arguments("expired certificate", handshake(new CertPathValidatorException("validity check failed",
            new CertificateExpiredException("NotAfter: Mon Jan 01 00:00:00 UTC 2024"))), UNAVAILABLE,
            "TLS handshake failed: certificate expired (CertificateExpiredException: NotAfter"),
        arguments("host name mismatch",
            new SSLPeerUnverifiedException("Certificate for <api.in.kaleyra.io> doesn't match any of the subject "
                + "alternative names: [proxy.example]"), UNAVAILABLE,
            "TLS handshake failed: certificate does not match the host name (SSLPeerUnverifiedException"),
        arguments("not TLS at all", duringHandshake(new SSLException("Unsupported or unrecognized SSL message")),
            UNAVAILABLE, "TLS handshake failed: SSLException: Unsupported or unrecognized SSL message; nothing was sent"),
        // after the request may have left: unknown, never retried
        arguments("read timeout", new SocketTimeoutException("Read timed out"), UNKNOWN,
            "Kaleyra did not answer in time (SocketTimeoutException: Read timed out)"),
        arguments("reset while reading", new SocketException("Connection reset"), UNKNOWN,
            "The request to Kaleyra failed after it was sent (SocketException: Connection reset)"),
        arguments("TLS record broken after the handshake", new SSLException("Tag mismatch"), UNKNOWN,
            "failed after it was sent (SSLException: Tag mismatch)"),
        arguments("no answer at all", new NoHttpResponseException("api.in.kaleyra.io:443 failed to respond"), UNKNOWN,
            "failed after it was sent (NoHttpResponseException"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void classifiesEveryTransportFailure(String name, Exception cause, String code, String message) {
    SendOutcome outcome = KaleyraAnswers.failure(new ProcessingException("Unable to invoke request: " + cause, cause));

    assertThat(outcome.errorCode()).isEqualTo(code);
    assertThat(outcome.errorMessage()).contains(message);
    assertThat(outcome.retryable()).isEqualTo(code.equals(UNAVAILABLE));
    assertThat(outcome.mayHaveBeenSent()).isEqualTo(code.equals(UNKNOWN));
  }

  /** The JDK's exception chain for a certificate no trust anchor signs. */
  private static Exception untrustedCertificate() {
    return handshake(new CertPathBuilderException("unable to find valid certification path to requested target"));
  }

  private static SSLHandshakeException handshake(Exception cause) {
    SSLHandshakeException e = new SSLHandshakeException("PKIX path building failed: " + cause);
    e.initCause(cause);
    return e;
  }

  /** An SSLException as JSSE throws it from the handshake (its stack goes through startHandshake). */
  private static SSLException duringHandshake(SSLException e) {
    e.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("sun.security.ssl.SSLSocketInputRecord", "handleUnknownRecord", null, -1),
        new StackTraceElement("sun.security.ssl.SSLSocketImpl", "startHandshake", null, -1),
        new StackTraceElement("org.apache.http.conn.ssl.SSLConnectionSocketFactory", "createLayeredSocket", null, -1)});
    return e;
  }
}
