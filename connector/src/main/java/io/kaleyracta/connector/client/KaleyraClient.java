package io.kaleyracta.connector.client;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.input.CtaMessageInput;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.payload.CtaMessageRequest;
import io.kaleyracta.connector.payload.KaleyraResponse;
import io.kaleyracta.connector.payload.PayloadJson;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.jboss.logging.Logger;

/**
 * One HTTP call to Kaleyra, turned into a {@link SendOutcome}. Built once per configuration: a MicroProfile Rest
 * Client holds a connection pool, so building one per send would leak sockets and time.
 */
public final class KaleyraClient implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KaleyraClient.class);
  private static final int BODY_EXCERPT = 120;
  private static final Pattern MESSAGE_ID = Pattern.compile("\"message_id\"\\s*:\\s*\"([A-Za-z0-9._:-]{1,128})\"");

  private final KaleyraApi api;
  private final PayloadJson json;
  private final String sid;

  private KaleyraClient(KaleyraApi api, PayloadJson json, String sid) {
    this.api = api;
    this.json = json;
    this.sid = sid;
  }

  public static KaleyraClient create(KaleyraConfig config, PayloadJson json) {
    RestClientBuilder builder = RestClientBuilder.newBuilder()
        .baseUri(config.baseUri())
        .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        // we read every error body ourselves; the default mapper would throw on status >= 400
        .property("microprofile.rest.client.disable.default.mapper", Boolean.TRUE)
        .register(new ApiKeyHeader(config.apiKey()))
        .register(new JsonbResolver(json.jsonb()));
    KaleyraApi api = quietOrNull(builder, config);
    return new KaleyraClient(api == null ? builder.build(KaleyraApi.class) : api, json, config.sid());
  }

  /** The client on an engine that never logs headers, where RESTEasy and Apache HttpClient are visible. */
  private static KaleyraApi quietOrNull(RestClientBuilder builder, KaleyraConfig config) {
    try {
      return QuietHttpEngine.build(builder, config);
    } catch (LinkageError e) {
      LOG.debugf("KCTA-014 RESTEasy's Apache engine is not visible here (%s); using the standard client", e);
      return null;
    }
  }

  /** Sends once. Never throws for transport problems: they become {@link SendOutcome}s too. */
  public SendOutcome send(String businessNumber, CtaMessageRequest request) {
    if (LOG.isDebugEnabled()) {
      LOG.debugf("KCTA-010 POST /v2/%s/whatsapp/%s/messages headers [Content-Type: application/json, "
          + "cache-control: no-cache, api-key: (omitted)] to %s", sid, CtaMessageInput.maskPhone(businessNumber),
          CtaMessageInput.maskPhone(request.messagingObject().to()));
    }
    Response response;
    try {
      response = api.sendMessage(sid, businessNumber, request);
    } catch (ProcessingException e) {
      return transportFailure(e);
    }
    try (response) {
      int status = response.getStatus();
      String body;
      try {
        body = response.hasEntity() ? response.readEntity(String.class) : "";
      } catch (ProcessingException e) {
        body = null; // the answer broke off while being read
      }
      LOG.debugf("KCTA-011 Kaleyra answered HTTP %d", status);
      return answer(status, response.getHeaderString("Content-Type"), body);
    }
  }

  private SendOutcome answer(int status, String contentType, String body) {
    Optional<KaleyraResponse> parsed = json.parseResponse(body);
    if (status >= 200 && status < 300) {
      String messageId = parsed.map(KaleyraResponse::messageId).orElseGet(() -> salvageMessageId(body));
      if (messageId == null) {
        // the message is on its way: never resend it, even though we cannot tell its id
        LOG.warnf("KCTA-012 Kaleyra accepted the message (HTTP %d) but its answer had no readable message_id", status);
      }
      return new SendOutcome.Accepted(messageId);
    }
    Optional<KaleyraResponse> error = parsed.filter(r -> r.code() != null && !r.code().isBlank());
    if (error.isPresent()) {
      KaleyraResponse r = error.get();
      return new SendOutcome.Rejected(r.code(), r.message() == null ? "HTTP " + status : r.message(), status);
    }
    return new SendOutcome.Unconfirmed("Kaleyra answered HTTP " + status + " without its JSON error body ("
        + (contentType == null ? "no content type" : contentType) + (body == null ? ", body unreadable" : "")
        + excerpt(body) + "); the message may or may not have been sent");
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
   * A failure before any byte was sent (refused, unknown host, connect timeout) proves the message was not taken;
   * anything later (read timeout, reset) leaves it unknown.
   */
  private static SendOutcome transportFailure(ProcessingException e) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof ConnectException || cause instanceof UnknownHostException
          || cause instanceof NoRouteToHostException || isConnectTimeout(cause)) {
        return new SendOutcome.Unavailable("Kaleyra could not be reached: " + describe(cause));
      }
      if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
        return new SendOutcome.Unconfirmed("Kaleyra did not answer in time (" + describe(cause)
            + "); the message may or may not have been sent");
      }
      cause = cause.getCause();
    }
    Throwable root = rootCause(e);
    return new SendOutcome.Unconfirmed("The request to Kaleyra failed after it was sent (" + describe(root)
        + "); the message may or may not have been sent");
  }

  private static boolean isConnectTimeout(Throwable t) {
    String type = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    return type.contains("connecttimeout")
        || (t instanceof SocketTimeoutException && message.contains("connect timed out"));
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

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String flat = body.replaceAll("\\s+", " ").trim();
    return ": " + (flat.length() > BODY_EXCERPT ? flat.substring(0, BODY_EXCERPT) + "..." : flat);
  }

  @Override
  public void close() {
    if (api instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        LOG.debug("KCTA-013 closing the REST client failed", e);
      }
    }
  }
}
