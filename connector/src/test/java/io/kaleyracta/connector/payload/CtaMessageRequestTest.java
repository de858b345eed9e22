package io.kaleyracta.connector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.input.CtaMessageInput;
import io.kaleyracta.connector.input.InputValidator;
import io.kaleyracta.connector.testing.Inputs;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CtaMessageRequestTest {

  private static final PayloadJson JSON = new PayloadJson();

  @AfterAll
  static void close() throws Exception {
    JSON.close();
  }

  private static String toJson(Map<String, Object> inputs) {
    CtaMessageInput input = InputValidator.validate(inputs::get, "+919000000000").input();
    return JSON.toJson(CtaMessageRequest.from(input));
  }

  @Test
  void mapsEveryInputToKaleyraFieldsInTheSpecOrder() {
    assertThat(toJson(Inputs.full())).isEqualTo(Inputs.golden("full-request.json"));
  }

  @Test
  void leavesOutAbsentOptionalsWithoutNullsOrEmptyObjects() {
    String json = toJson(Inputs.minimal());

    assertThat(json).isEqualTo(Inputs.golden("minimal-request.json"));
    assertThat(json).doesNotContain("null").doesNotContain("{}").doesNotContain("header").doesNotContain("footer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"image", "video", "document"})
  void mapsEachMediaHeaderToMetasShape(String type) {
    String json = toJson(Inputs.withMediaHeader(type));

    assertThat(json).isEqualTo(Inputs.golden("header-" + type + "-request.json"));
    assertThat(json).doesNotContain("null").doesNotContain("\"text\":\"" + type);
  }

  @Test
  void leavesOutTheFileNameOfADocumentWithoutOne() {
    Map<String, Object> inputs = Inputs.withMediaHeader("document");
    inputs.remove("headerDocumentFilename");

    assertThat(toJson(inputs)).contains("\"header\":{\"type\":\"document\",\"document\":{\"link\":\""
        + Inputs.MEDIA_LINKS.get("document") + "\"}},\"body\"");
  }

  @Test
  void anExplicitTextHeaderTypeSendsWhatNoHeaderTypeSent() {
    Map<String, Object> inputs = Inputs.full();
    inputs.put("headerType", "text");

    assertThat(toJson(inputs)).isEqualTo(Inputs.golden("full-request.json"));
    assertThat(toJson(Inputs.minimalWith("headerType", "text"))).isEqualTo(Inputs.golden("minimal-request.json"));
  }

  @Test
  void sendsOnlyTheRefsGiven() {
    Map<String, Object> inputs = Inputs.minimal();
    inputs.put("ref2", "only-ref2");

    assertThat(toJson(inputs)).endsWith("\"extra_info\":{\"ref2\":\"only-ref2\",\"wa_source\":\"api\"}}");
  }

  @Test
  void readsTheMessageIdOfAnAcceptedAnswer() {
    KaleyraResponse response = JSON.parseResponse(
        "{\"code\":\"WA202\",\"message\":\"Request Accepted\",\"data\":{\"message_id\":\"Aabc123\"},\"error\":{}}")
        .orElseThrow();

    assertThat(response.code()).isEqualTo("WA202");
    assertThat(response.messageId()).isEqualTo("Aabc123");
  }

  @Test
  void readsAnErrorWhoseDataIsAnArray() {
    KaleyraResponse response = JSON.parseResponse("{\"code\": \"RBC001\", \"message\": \"Incorrect SID or API key.\","
        + " \"data\": [], \"error\": {\"error\": \"Incorrect SID or API key.\"}}").orElseThrow();

    assertThat(response.code()).isEqualTo("RBC001");
    assertThat(response.message()).isEqualTo("Incorrect SID or API key.");
    assertThat(response.messageId()).isNull();
  }

  @Test
  void findsNoKaleyraAnswerInHtmlOrBrokenJson() {
    assertThat(JSON.parseResponse("<html><body>502 Bad Gateway</body></html>")).isEmpty();
    assertThat(JSON.parseResponse("{\"code\":\"WA202\" \"message\":\"Request Accepted\"")).isEmpty();
    assertThat(JSON.parseResponse("")).isEmpty();
    assertThat(JSON.parseResponse(null)).isEmpty();
  }
}
