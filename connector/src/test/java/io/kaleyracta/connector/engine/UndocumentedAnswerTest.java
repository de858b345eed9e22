package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.connector.testing.TestConfig;
import io.kaleyracta.sandbox.RecordedRequest;
import io.kaleyracta.sandbox.Trigger;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Answers Kaleyra does not document, and failures before the request leaves, end to end: a 2xx without a message id
 * and a gateway's 5xx are unknown outcomes, recorded and never resent; a 429 is retried after its Retry-After; a
 * TLS failure is {@code KALEYRA_UNAVAILABLE} naming the cause.
 */
class UndocumentedAnswerTest extends EngineTest {

  private void deployCatchingOurCodes() {
    deploy(CtaModel.withInputs(Inputs.minimal().keySet())
        .catching("WA500", SendOutcome.UNAVAILABLE, SendOutcome.OUTCOME_UNKNOWN));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Trigger.class, names = {"EMPTY_OK", "NO_CONTENT"})
  void aSuccessStatusWithoutMessageIdIsAnUnknownOutcome(Trigger trigger) {
    deployCatchingOurCodes();

    ProcessInstance instance = start(Inputs.minimalWith("recipient", trigger.recipient()));

    assertThat(sandbox.requests()).extracting(RecordedRequest::status).singleElement().isIn(200, 204);
    assertThat(passed(instance, "caught_KALEYRA_OUTCOME_UNKNOWN")).isTrue();
    assertThat((String) variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE))
        .contains("without a message id").contains("may or may not have been sent");
    assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isNull();
  }

  @Test
  void aGatewaysFiveHundredWithItsOwnCodeIsAnUnknownOutcomeKeepingCodeAndMessage() {
    deployCatchingOurCodes();

    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.GATEWAY_TIMEOUT_JSON.recipient()));

    assertThat(sandbox.requests()).hasSize(1); // not retried: the message may have been taken
    assertThat(passed(instance, "caught_KALEYRA_OUTCOME_UNKNOWN")).isTrue();
    assertThat(variable(instance, SendWhatsAppCtaDelegate.ERROR_CODE)).isEqualTo(SendOutcome.OUTCOME_UNKNOWN);
    assertThat((String) variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE))
        .contains("HTTP 504 with code GATEWAY_TIMEOUT (The upstream server did not respond in time)");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Trigger.class, names = {"EMPTY_OK", "NO_CONTENT", "GATEWAY_TIMEOUT_JSON"})
  void anUnknownOutcomeIsRecordedAndNotResentWhenTheJobRunsAgain(Trigger trigger) {
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()).async()); // no boundary: every run fails the job
    ProcessInstance instance = start(Inputs.minimalWith("recipient", trigger.recipient()));
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

    for (int run = 0; run < 2; run++) {
      assertThatThrownBy(() -> management.executeJob(job.getId()))
          .isInstanceOf(UnhandledKaleyraErrorException.class).hasMessageContaining("KALEYRA_OUTCOME_UNKNOWN");
    }

    assertThat(sandbox.requests()).hasSize(1);
  }

  @Test
  void aRateLimitIsRetriedAfterRetryAfterWithinTheCall() {
    deployCatchingOurCodes();
    long started = System.nanoTime();

    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.RATE_LIMITED.recipient()));

    assertThat(sandbox.requests()).extracting(RecordedRequest::status).containsExactly(429, 202);
    assertThat(passed(instance, "sent")).isTrue();
    assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isEqualTo(sandbox.accepted().get(0).messageId());
    // Retry-After: 1 was honoured, not the 20 ms backoff of these tests
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aRateLimitIsUnavailableOnceTheAttemptsAreSpent() {
    TestConfig.set(KaleyraConfig.RETRY_MAX_ATTEMPTS, "1");
    deployCatchingOurCodes();

    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.RATE_LIMITED.recipient()));

    assertThat(sandbox.requests()).hasSize(1);
    assertThat(passed(instance, "caught_KALEYRA_UNAVAILABLE")).isTrue();
    assertThat((String) variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE))
        .isEqualTo("Kaleyra refused the request for now (HTTP 429 TOO_MANY_REQUESTS, Retry-After 1 s); nothing was "
            + "sent");
  }

  @Test
  void aRetryAfterLongerThanTheCapIsNotWaitedFor() {
    TestConfig.set(KaleyraConfig.RETRY_MAX_RETRY_AFTER_MS, "500");
    deployCatchingOurCodes();

    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.RATE_LIMITED.recipient()));

    assertThat(sandbox.requests()).hasSize(1);
    assertThat(passed(instance, "caught_KALEYRA_UNAVAILABLE")).isTrue();
  }

  @Test
  void anUntrustedCertificateIsUnavailableNamingTheCause() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    server.start();
    try {
      TestConfig.set(KaleyraConfig.BASE_URL, "https://127.0.0.1:" + server.getAddress().getPort());
      deployCatchingOurCodes();

      ProcessInstance instance = start(Inputs.minimal());

      assertThat(passed(instance, "caught_KALEYRA_UNAVAILABLE")).isTrue();
      assertThat((String) variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE))
          .startsWith("Kaleyra could not be reached: TLS handshake failed: certificate not trusted (")
          .endsWith("; nothing was sent");
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aServerThatDoesNotSpeakTlsIsUnavailableNamingTheCause() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread answerer = new Thread(() -> answerGarbage(plain), "not-tls");
      answerer.setDaemon(true);
      answerer.start();
      TestConfig.set(KaleyraConfig.BASE_URL, "https://127.0.0.1:" + plain.getLocalPort());
      deployCatchingOurCodes();

      ProcessInstance instance = start(Inputs.minimal());

      assertThat(passed(instance, "caught_KALEYRA_UNAVAILABLE")).isTrue();
      assertThat((String) variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE))
          .startsWith("Kaleyra could not be reached: TLS handshake failed: ");
    }
  }

  /** Reads the ClientHello and answers plain HTTP, as a server on the wrong port would. */
  private static void answerGarbage(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        InputStream in = socket.getInputStream();
        in.read(new byte[512]);
        OutputStream out = socket.getOutputStream();
        out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (Exception e) {
        // closed by the test, or the client gave up: next connection
      }
    }
  }

  private static SSLContext selfSigned() throws Exception {
    char[] password = "not-a-secret".toCharArray();
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = UndocumentedAnswerTest.class.getResourceAsStream("/tls/self-signed.p12")) {
      keyStore.load(in, password);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }
}
