package io.kaleyracta.connector.status;

import static io.kaleyracta.connector.log.ConnectorLog.LOG;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The framework-free core of the callback endpoint; hosts adapt it to their HTTP stack (a Servlet, JAX-RS, ...).
 * In this order: credentials (401, nothing read or stored), size (413), JSON (400), then the sink; 200 only once
 * the sink has stored the statuses, 503 when it could not (Kaleyra tries again).
 */
public final class StatusReceiver {

  /** Bodies above this many bytes are refused with 413; a status callback is about 1 KB. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  private final CallbackCredentials credentials;
  private final StatusCallbackParser parser;
  private final StatusSink sink;
  private final CallbackObserver observer;

  public StatusReceiver(CallbackCredentials credentials, StatusSink sink) {
    this(credentials, new StatusCallbackParser(), sink, CallbackObserver.NONE);
  }

  public StatusReceiver(CallbackCredentials credentials, StatusCallbackParser parser, StatusSink sink,
      CallbackObserver observer) {
    this.credentials = credentials;
    this.parser = parser;
    this.sink = sink;
    this.observer = observer;
    if (!credentials.configured()) {
      LOG.noCallbackCredentials(CallbackCredentials.USERNAME, CallbackCredentials.PASSWORD);
    }
  }

  /** What the endpoint answers: an HTTP status and a short plain-text reason. */
  public record Answer(int status, String text) {

    /** 401 answers carry {@code WWW-Authenticate: Basic realm="..."}. */
    public static final String CHALLENGE = "Basic realm=\"kaleyra-whatsapp-status\", charset=\"UTF-8\"";
  }

  /**
   * @param authorization the {@code Authorization} header, or {@code null}
   * @param contentLength the declared length, or {@code -1} when unknown (chunked)
   * @param body the request body; read at most {@link #MAX_BODY_BYTES} + 1 bytes
   */
  public Answer receive(String authorization, long contentLength, InputStream body) {
    Answer answer = answer(authorization, contentLength, body);
    if (answer.status() != 200) {
      observer.answered(answer.status(), List.of());
    }
    return answer;
  }

  private Answer answer(String authorization, long contentLength, InputStream body) {
    if (!credentials.authorizes(authorization)) {
      LOG.callbackUnauthorized();
      return new Answer(401, "unauthorized");
    }
    if (contentLength > MAX_BODY_BYTES) {
      return tooLarge();
    }
    byte[] bytes;
    try {
      bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      return new Answer(400, "the request body could not be read");
    }
    if (bytes.length > MAX_BODY_BYTES) {
      return tooLarge();
    }
    List<StatusEvent> events;
    try {
      events = parser.parse(bytes);
    } catch (MalformedCallbackException e) {
      LOG.callbackMalformed(e.getMessage());
      return new Answer(400, e.getMessage());
    }
    try {
      if (!events.isEmpty()) {
        sink.accept(events);
      }
    } catch (RuntimeException e) {
      LOG.callbackNotStored(e);
      return new Answer(503, "not stored, try again");
    }
    for (StatusEvent event : events) {
      LOG.statusStored(event.status().wireName(), event.messageIds());
    }
    observer.answered(200, events);
    return new Answer(200, "stored " + events.size() + " status(es)");
  }

  private static Answer tooLarge() {
    return new Answer(413, "the body exceeds " + MAX_BODY_BYTES + " bytes");
  }
}
