package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.testing.CapturedLogs;
import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.connector.testing.TestConfig;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * A ref, or Kaleyra's message, carrying CR/LF cannot forge a log line: every value is escaped, so each record stays
 * one line and no line starts with a {@code KCTA-} number of its own.
 */
class ForgedLogLineTest extends EngineTest {

  private static final String FORGED = "KCTA-100 WhatsApp CTA accepted: messageId=FORGED ref=x to=*********0000";

  @Test
  void aRefWithLineBreaksStaysOnItsOwnLogLine() {
    deploy(CtaModel.withInputs(Inputs.minimalWith("ref", "").keySet()));
    String ref = "APT-1\r\n" + FORGED + "\n\u001b[1A\u2028";

    try (CapturedLogs logs = new CapturedLogs()) {
      start(Inputs.minimalWith("ref", ref));

      assertThat(sandbox.accepted()).singleElement().satisfies(m -> assertThat(m.ref()).isEqualTo(ref));
      assertThat(ours(logs)).filteredOn(message -> message.startsWith("KCTA-100")).singleElement().asString()
          .contains("ref=APT-1\\r\\n" + FORGED + "\\n\\u001b[1A\\u2028 to=*********5678");
      assertNoForgedLine(logs);
    }
  }

  @Test
  void kaleyrasMessageWithLineBreaksStaysOnItsOwnLogLineAndOutOfTheIncidentLines() throws Exception {
    HttpServer oddKaleyra = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    oddKaleyra.createContext("/", exchange -> {
      byte[] body = ("{\"code\":\"WA400\",\"message\":\"Refer to correct payload format\\r\\n" + FORGED
          + "\",\"data\":{},\"error\":{}}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(400, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    oddKaleyra.start();
    try {
      TestConfig.set(KaleyraConfig.BASE_URL, "http://127.0.0.1:" + oddKaleyra.getAddress().getPort());
      deploy(CtaModel.withInputs(Inputs.minimal().keySet())); // nothing catches WA400: the exception is logged

      try (CapturedLogs logs = new CapturedLogs()) {
        assertThatThrownBy(() -> start(Inputs.minimal()))
            .isInstanceOf(UnhandledKaleyraErrorException.class)
            .hasMessageContaining("Refer to correct payload format\\r\\n" + FORGED)
            .message().doesNotContain("\r", "\n");

        assertThat(ours(logs)).filteredOn(message -> message.startsWith("KCTA-103")).singleElement().asString()
            .contains("code=WA400 message=Refer to correct payload format\\r\\n" + FORGED + " ref=null");
        assertNoForgedLine(logs);
      }
    } finally {
      oddKaleyra.stop(0);
    }
  }

  @Test
  void escapingIsForLogsOnlyTheRefIsSentAsGiven() {
    deploy(CtaModel.withInputs(Inputs.minimalWith("ref", "").keySet()));

    ProcessInstance instance = start(Inputs.minimalWith("ref", "APT-1\r\nsecond line"));

    assertThat(passed(instance, "sent")).isTrue();
    assertThat(sandbox.accepted().get(0).ref()).isEqualTo("APT-1\r\nsecond line");
  }

  private static List<String> ours(CapturedLogs logs) {
    return logs.records().stream().filter(r -> r.getLoggerName().startsWith("io.kaleyracta.connector"))
        .map(logs::message).toList();
  }

  /**
   * Each of the connector's messages is one line; and in what production logs show (INFO and above, the engine's
   * records with their stack traces included) no line starts with a {@code KCTA-} number. The engine's own DEBUG
   * lines print variable values as they are: that is the engine's logging, not the connector's.
   */
  private static void assertNoForgedLine(CapturedLogs logs) {
    List<LogRecord> records = logs.records();
    assertThat(records).filteredOn(r -> r.getLoggerName().startsWith("io.kaleyracta.connector")).isNotEmpty()
        .allSatisfy(r -> assertThat(logs.message(r)).doesNotContain("\r", "\n", "\u2028", "\u2029", "\u0085"));
    assertThat(records.stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
        .flatMap(r -> Arrays.stream(logs.formatted(r).split("\r\n|\r|\n|\u2028|\u2029|\u0085"))))
        .isNotEmpty().noneMatch(line -> line.startsWith("KCTA-"));
  }
}
