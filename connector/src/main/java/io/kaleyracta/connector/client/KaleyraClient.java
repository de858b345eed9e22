package io.kaleyracta.connector.client;

import static io.kaleyracta.connector.log.ConnectorLog.LOG;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.payload.CtaMessageRequest;
import io.kaleyracta.connector.payload.PayloadJson;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * One HTTP call to Kaleyra, turned into a {@link SendOutcome} by {@link KaleyraAnswers}. Built once per
 * configuration: a MicroProfile Rest Client holds a connection pool, so building one per send would leak sockets and
 * time.
 */
public final class KaleyraClient implements AutoCloseable {

  private final KaleyraApi api;
  private final KaleyraAnswers answers;
  private final String sid;

  private KaleyraClient(KaleyraApi api, PayloadJson json, String sid) {
    this.api = api;
    this.answers = new KaleyraAnswers(json, Clock.systemUTC());
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
      LOG.quietEngineNotVisible(e);
      return null;
    }
  }

  /** Sends once. Never throws for transport problems: they become {@link SendOutcome}s too. */
  public SendOutcome send(String businessNumber, CtaMessageRequest request) {
    LOG.request(sid, businessNumber, request.messagingObject().to());
    Response response;
    try {
      response = api.sendMessage(sid, businessNumber, request);
    } catch (ProcessingException e) {
      return KaleyraAnswers.failure(e);
    }
    try (response) {
      int status = response.getStatus();
      String body;
      try {
        body = response.hasEntity() ? response.readEntity(String.class) : "";
      } catch (ProcessingException e) {
        body = null; // the answer broke off while being read
      }
      LOG.answered(status);
      SendOutcome outcome = answers.answer(status, response::getHeaderString, body);
      if (outcome.accepted() && outcome.messageId() == null) {
        LOG.acceptedWithoutMessageId(status, KaleyraAnswers.ACCEPTED_CODE);
      }
      return outcome;
    }
  }

  @Override
  public void close() {
    if (api instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        LOG.closingClientFailed(e);
      }
    }
  }
}
