package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.sandbox.MediaHeader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Image, video and document headers on a real engine against the sandbox, which checks Meta's shape strictly; every
 * combination of header inputs the header type does not take is KALEYRA_INVALID_INPUT naming both inputs, and
 * nothing is sent.
 */
class MediaHeaderProcessTest extends EngineTest {

  @ParameterizedTest
  @ValueSource(strings = {"image", "video", "document"})
  void sendsEachMediaHeaderByteForByte(String type) {
    Map<String, Object> inputs = Inputs.withMediaHeader(type);
    deploy(CtaModel.withInputs(inputs.keySet()));

    ProcessInstance instance = start(inputs);

    assertThat(sandbox.requests()).singleElement().satisfies(request -> assertThat(request.bodyBytes())
        .isEqualTo(Inputs.golden("header-" + type + "-request.json").getBytes(StandardCharsets.UTF_8)));
    assertThat(sandbox.accepted()).singleElement().satisfies(accepted -> {
      assertThat(accepted.mediaHeader()).isEqualTo(new MediaHeader(type, Inputs.MEDIA_LINKS.get(type),
          type.equals("document") ? Inputs.DOCUMENT_FILENAME : null));
      assertThat(accepted.headerText()).isNull();
      assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isEqualTo(accepted.messageId());
    });
    assertThat(passed(instance, "sent")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "text"})
  void aTextHeaderIsSentAsBeforeWithOrWithoutHeaderType(String headerType) {
    Map<String, Object> inputs = Inputs.full();
    inputs.put("headerType", headerType);
    deploy(CtaModel.withInputs(inputs.keySet()));

    start(inputs);

    assertThat(sandbox.requests()).singleElement().satisfies(request -> assertThat(request.bodyBytes())
        .isEqualTo(Inputs.golden("full-request.json").getBytes(StandardCharsets.UTF_8)));
    assertThat(sandbox.accepted().get(0).mediaHeader()).isNull();
  }

  static Stream<Arguments> invalidCombinations() {
    String link = "https://cdn.example.com/a.jpg";
    return Stream.of(
        Arguments.of(Map.of("headerText", "Sale", "headerMediaUrl", link),
            "headerMediaUrl: only for an image, video or document header, but headerType is text"),
        Arguments.of(Map.of("headerType", "text", "headerMediaUrl", link),
            "headerMediaUrl: only for an image, video or document header, but headerType is text"),
        Arguments.of(Map.of("headerType", "text", "headerDocumentFilename", "a.pdf"),
            "headerDocumentFilename: only for a document header, but headerType is text"),
        Arguments.of(Map.of("headerType", "image", "headerMediaUrl", link, "headerText", "Sale"),
            "headerText: only for a text header, but headerType is image"),
        Arguments.of(Map.of("headerType", "video", "headerMediaUrl", link, "headerText", "Sale"),
            "headerText: only for a text header, but headerType is video"),
        Arguments.of(Map.of("headerType", "document", "headerMediaUrl", link, "headerText", "Sale"),
            "headerText: only for a text header, but headerType is document"),
        Arguments.of(Map.of("headerType", "image"), "headerMediaUrl: required, because headerType is image"),
        Arguments.of(Map.of("headerType", "video"), "headerMediaUrl: required, because headerType is video"),
        Arguments.of(Map.of("headerType", "document"), "headerMediaUrl: required, because headerType is document"),
        Arguments.of(Map.of("headerType", "image", "headerMediaUrl", link, "headerDocumentFilename", "a.pdf"),
            "headerDocumentFilename: only for a document header, but headerType is image"),
        Arguments.of(Map.of("headerType", "video", "headerMediaUrl", link, "headerDocumentFilename", "a.pdf"),
            "headerDocumentFilename: only for a document header, but headerType is video"),
        Arguments.of(Map.of("headerType", "gif", "headerMediaUrl", link),
            "headerType: must be one of text, image, video, document"),
        Arguments.of(Map.of("headerType", "image", "headerMediaUrl", "http://127.0.0.1:8080/a.jpg"),
            "headerMediaUrl: must be an absolute https URL with a host"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCombinations")
  void rejectsHeaderInputsTheTypeDoesNotTakeBeforeSending(Map<String, Object> header, String rule) {
    Map<String, Object> inputs = Inputs.minimal();
    inputs.putAll(header);
    deploy(CtaModel.withInputs(inputs.keySet()).catching(SendOutcome.INVALID_INPUT));

    ProcessInstance instance = start(inputs);

    assertThat(passed(instance, "caught_KALEYRA_INVALID_INPUT")).isTrue();
    assertThat(variable(instance, SendWhatsAppCtaDelegate.ERROR_CODE)).isEqualTo(SendOutcome.INVALID_INPUT);
    assertThat((String) variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE)).contains(rule);
    assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isNull();
    assertThat(sandbox.requests()).isEmpty();
  }
}
