package io.kaleyracta.connector.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.testing.Inputs;
import java.math.BigDecimal;
import java.util.Date;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InputValidatorTest {

  private static final String BUSINESS = "+919000000000";

  private static InputValidator.Result validate(Map<String, Object> inputs) {
    return InputValidator.validate(inputs::get, BUSINESS);
  }

  static Stream<Arguments> oneBrokenRule() {
    return Stream.of(
        Arguments.of("recipient", null, "recipient: required"),
        Arguments.of("recipient", "   ", "recipient: required"),
        Arguments.of("recipient", "+49 151 2345678", "recipient: must be a phone number in E.164 form"),
        Arguments.of("recipient", "123456", "recipient: must be a phone number in E.164 form"),
        Arguments.of("recipient", "1234567890123456", "recipient: must be a phone number in E.164 form"),
        Arguments.of("recipient", "++4915123456", "recipient: must be a phone number in E.164 form"),
        Arguments.of("businessNumber", "0800-CALL-US", "businessNumber: must be a phone number in E.164 form"),
        Arguments.of("bodyText", null, "bodyText: required"),
        Arguments.of("bodyText", " \n ", "bodyText: required"),
        Arguments.of("bodyText", "x".repeat(1025), "bodyText: at most 1024 characters (got 1025)"),
        Arguments.of("headerText", "h".repeat(61), "headerText: at most 60 characters (got 61)"),
        Arguments.of("footerText", "f".repeat(61), "footerText: at most 60 characters (got 61)"),
        Arguments.of("buttonText", null, "buttonText: required"),
        Arguments.of("buttonText", "b".repeat(21), "buttonText: at most 20 characters (got 21)"),
        Arguments.of("buttonText", "😀".repeat(21), "buttonText: at most 20 characters (got 21)"),
        Arguments.of("buttonUrl", null, "buttonUrl: required"),
        Arguments.of("buttonUrl", "javascript:alert(1)", "buttonUrl: must be an absolute http or https URL"),
        Arguments.of("buttonUrl", "/relative/path", "buttonUrl: must be an absolute http or https URL"),
        Arguments.of("buttonUrl", "https://example.com/a b", "buttonUrl: must be an absolute http or https URL"),
        Arguments.of("buttonUrl", "ftp://example.com/file", "buttonUrl: must be an absolute http or https URL"),
        Arguments.of("buttonUrl", "https:///no-host", "buttonUrl: must be an absolute http or https URL"),
        Arguments.of("buttonUrl", "mailto:someone@example.com", "buttonUrl: must be an absolute http or https URL"),
        Arguments.of("ref", "r".repeat(256), "ref: at most 255 characters (got 256)"),
        Arguments.of("ref1", "r".repeat(256), "ref1: at most 255 characters (got 256)"),
        Arguments.of("ref2", "r".repeat(256), "ref2: at most 255 characters (got 256)"),
        Arguments.of("waSource", "API", "waSource: must be one of api, clevertap"),
        Arguments.of("waSource", "camunda", "waSource: must be one of api, clevertap"),
        Arguments.of("headerType", "IMAGE", "headerType: must be one of text, image, video, document"),
        Arguments.of("headerType", "audio", "headerType: must be one of text, image, video, document"),
        Arguments.of("trackTaps", "yes", "trackTaps: must be true or false"),
        Arguments.of("trackTaps", 1, "trackTaps: must be true or false"),
        Arguments.of("bodyText", new Date(0), "bodyText: must be text or a number, but the expression gave a Date"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("oneBrokenRule")
  void rejectsEachBrokenRuleNamingTheInputAndTheRule(String input, Object value, String expected) {
    InputValidator.Result result = validate(Inputs.minimalWith(input, value));

    assertThat(result.valid()).isFalse();
    assertThat(result.violations()).hasSize(1);
    assertThat(result.message()).startsWith("Invalid input: ").contains(expected);
    assertThat(result.input()).isNull();
  }

  /** A media header with one broken rule; the violation names the input and, for combinations, headerType. */
  static Stream<Arguments> brokenHeaderRules() {
    String link = "https://cdn.example.com/a.jpg";
    return Stream.of(
        Arguments.of(Map.of("headerMediaUrl", link),
            "headerMediaUrl: only for an image, video or document header, but headerType is text"),
        Arguments.of(Map.of("headerType", "text", "headerMediaUrl", link),
            "headerMediaUrl: only for an image, video or document header, but headerType is text"),
        Arguments.of(Map.of("headerType", "text", "headerDocumentFilename", "a.pdf"),
            "headerDocumentFilename: only for a document header, but headerType is text"),
        Arguments.of(Map.of("headerType", "image", "headerMediaUrl", link, "headerText", "Spring sale"),
            "headerText: only for a text header, but headerType is image"),
        Arguments.of(Map.of("headerType", "video", "headerMediaUrl", link, "headerText", "Watch"),
            "headerText: only for a text header, but headerType is video"),
        Arguments.of(Map.of("headerType", "document", "headerMediaUrl", link, "headerText", "Invoice"),
            "headerText: only for a text header, but headerType is document"),
        Arguments.of(Map.of("headerType", "image"), "headerMediaUrl: required, because headerType is image"),
        Arguments.of(Map.of("headerType", "video", "headerMediaUrl", "  "),
            "headerMediaUrl: required, because headerType is video"),
        Arguments.of(Map.of("headerType", "document"), "headerMediaUrl: required, because headerType is document"),
        Arguments.of(Map.of("headerType", "image", "headerMediaUrl", link, "headerDocumentFilename", "a.pdf"),
            "headerDocumentFilename: only for a document header, but headerType is image"),
        Arguments.of(Map.of("headerType", "video", "headerMediaUrl", link, "headerDocumentFilename", "a.pdf"),
            "headerDocumentFilename: only for a document header, but headerType is video"),
        Arguments.of(Map.of("headerType", "image", "headerMediaUrl", "http://cdn.example.com/a.jpg"),
            "headerMediaUrl: must be an absolute https URL with a host"),
        Arguments.of(Map.of("headerType", "image", "headerMediaUrl", "http://127.0.0.1:8080/a.jpg"),
            "headerMediaUrl: must be an absolute https URL with a host"),
        Arguments.of(Map.of("headerType", "image", "headerMediaUrl", "/media/a.jpg"),
            "headerMediaUrl: must be an absolute https URL with a host"),
        Arguments.of(Map.of("headerType", "image", "headerMediaUrl", "cdn.example.com/a.jpg"),
            "headerMediaUrl: must be an absolute https URL with a host"),
        Arguments.of(Map.of("headerType", "image", "headerMediaUrl", "https:///a.jpg"),
            "headerMediaUrl: must be an absolute https URL with a host"),
        Arguments.of(Map.of("headerType", "image", "headerMediaUrl", "https://cdn.example.com/a b.jpg"),
            "headerMediaUrl: must be an absolute https URL with a host"),
        Arguments.of(Map.of("headerType", "video", "headerMediaUrl", "https://cdn.example.com/" + "v".repeat(1977)),
            "headerMediaUrl: at most 2000 characters (got 2001)"),
        Arguments.of(Map.of("headerType", "document", "headerMediaUrl", link, "headerDocumentFilename",
            "d".repeat(256)), "headerDocumentFilename: at most 255 characters (got 256)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenHeaderRules")
  void rejectsHeaderInputsTheHeaderTypeDoesNotTake(Map<String, Object> header, String expected) {
    Map<String, Object> inputs = Inputs.minimal();
    inputs.putAll(header);

    InputValidator.Result result = validate(inputs);

    assertThat(result.valid()).isFalse();
    assertThat(result.violations()).hasSize(1);
    assertThat(result.message()).contains(expected);
    assertThat(result.input()).isNull();
  }

  @Test
  void aTextHeaderWithAMediaLinkNamesBothFields() {
    Map<String, Object> inputs = Inputs.minimalWith("headerMediaUrl", "https://cdn.example.com/a.jpg");
    inputs.put("headerText", "Spring sale");

    assertThat(validate(inputs).message()).isEqualTo("Invalid input: headerMediaUrl: only for an image, video or "
        + "document header, but headerType is text; leave it empty or change headerType");
  }

  @Test
  void anImageHeaderWithHeaderTextNamesBothFields() {
    Map<String, Object> inputs = Inputs.withMediaHeader("image");
    inputs.put("headerText", "Spring sale");

    assertThat(validate(inputs).message()).isEqualTo("Invalid input: headerText: only for a text header, but "
        + "headerType is image (a media header has no text); leave it empty or change headerType");
  }

  @ParameterizedTest
  @ValueSource(strings = {"image", "video", "document"})
  void acceptsEachMediaHeaderWithExactlyTheInputsItNeeds(String type) {
    CtaMessageInput input = validate(Inputs.withMediaHeader(type)).input();

    assertThat(input.headerType().value()).isEqualTo(type);
    assertThat(input.headerMediaUrl()).isEqualTo(Inputs.MEDIA_LINKS.get(type));
    assertThat(input.headerDocumentFilename()).isEqualTo(type.equals("document") ? Inputs.DOCUMENT_FILENAME : null);
    assertThat(input.headerText()).isNull();
  }

  @Test
  void acceptsADocumentWithoutFileNameAndTheMediaLinkLimitExactly() {
    Map<String, Object> inputs = Inputs.minimalWith("headerType", "document");
    String link = "https://cdn.example.com/" + "d".repeat(1976);
    inputs.put("headerMediaUrl", link);

    CtaMessageInput input = validate(inputs).input();

    assertThat(link).hasSize(2000);
    assertThat(input.headerMediaUrl()).isEqualTo(link);
    assertThat(input.headerDocumentFilename()).isNull();
  }

  @Test
  void withoutHeaderTypeTheHeaderIsTextAsBefore() {
    CtaMessageInput input = validate(Inputs.minimalWith("headerText", "Hi")).input();

    assertThat(input.headerType()).isEqualTo(HeaderType.TEXT);
    assertThat(input.headerText()).isEqualTo("Hi");
    assertThat(validate(Inputs.minimalWith("headerType", "")).input().headerType()).isEqualTo(HeaderType.TEXT);
  }

  static Stream<Arguments> trackTapsValues() {
    return Stream.of(Arguments.of(null, false), Arguments.of("", false), Arguments.of(false, false),
        Arguments.of("false", false), Arguments.of(true, true), Arguments.of("true", true), Arguments.of(" TRUE ", true));
  }

  @ParameterizedTest(name = "trackTaps={0}")
  @MethodSource("trackTapsValues")
  void tracksTapsOnlyWhenTheInputSaysTrue(Object value, boolean expected) {
    InputValidator.Result result = validate(Inputs.minimalWith("trackTaps", value));

    assertThat(result.valid()).isTrue();
    assertThat(result.input().trackTaps()).isEqualTo(expected);
  }

  @Test
  void reportsEveryBrokenRuleAtOnce() {
    InputValidator.Result result = InputValidator.validate(Map.of("buttonText", "b".repeat(30))::get, BUSINESS);

    assertThat(result.violations()).extracting(Violation::inputName)
        .containsExactly("recipient", "bodyText", "buttonText", "buttonUrl");
  }

  @Test
  void acceptsTheLimitsExactlyCountingCodePoints() {
    Map<String, Object> inputs = Inputs.minimal();
    inputs.put("headerText", "é".repeat(60));
    inputs.put("bodyText", "🎉".repeat(1024)); // 2048 UTF-16 chars, 1024 characters a user sees
    inputs.put("footerText", "f".repeat(60));
    inputs.put("buttonText", "👉".repeat(20));
    inputs.put("ref", "r".repeat(255));

    InputValidator.Result result = validate(inputs);

    assertThat(result.violations()).isEmpty();
    assertThat(result.input().bodyText()).isEqualTo("🎉".repeat(1024));
  }

  @Test
  void omitsBlankOptionalsAndDefaultsWaSourceAndBusinessNumber() {
    Map<String, Object> inputs = Inputs.minimal();
    inputs.put("headerText", "");
    inputs.put("footerText", "  ");
    inputs.put("ref", null);

    CtaMessageInput input = validate(inputs).input();

    assertThat(input.headerText()).isNull();
    assertThat(input.footerText()).isNull();
    assertThat(input.ref()).isNull();
    assertThat(input.waSource()).isEqualTo("api");
    assertThat(input.businessNumber()).isEqualTo(BUSINESS);
  }

  @Test
  void businessNumberInputWinsOverTheConfiguredOne() {
    CtaMessageInput input = validate(Inputs.minimalWith("businessNumber", " +441234567890 ")).input();

    assertThat(input.businessNumber()).isEqualTo("+441234567890");
  }

  @Test
  void requiresABusinessNumberWhenNoneIsConfigured() {
    InputValidator.Result result = InputValidator.validate(Inputs.minimal()::get, null);

    assertThat(result.message())
        .isEqualTo("Invalid input: businessNumber: required, because kaleyra.business-number is not configured");
  }

  @Test
  void trimsTheRecipientButSendsItAsGiven() {
    assertThat(validate(Inputs.minimalWith("recipient", "  919812345678\n")).input().recipient())
        .isEqualTo("919812345678");
    assertThat(validate(Inputs.minimalWith("recipient", "+919812345678")).input().recipient())
        .isEqualTo("+919812345678");
  }

  @Test
  void keepsTextsExactlyAsGiven() {
    String body = "  Hi <b>Zoë</b> & \"friends\" 🎉\r\n\ttab  ";

    assertThat(validate(Inputs.minimalWith("bodyText", body)).input().bodyText()).isEqualTo(body);
  }

  @Test
  void convertsNumbersFromExpressionsToPlainDigits() {
    assertThat(validate(Inputs.minimalWith("recipient", 919812345678L)).input().recipient()).isEqualTo("919812345678");
    assertThat(validate(Inputs.minimalWith("recipient", 9.19812345678E11)).input().recipient())
        .isEqualTo("919812345678");
    assertThat(validate(Inputs.minimalWith("recipient", new BigDecimal("919812345678"))).input().recipient())
        .isEqualTo("919812345678");
    assertThat(validate(Inputs.minimalWith("ref", 42)).input().ref()).isEqualTo("42");
    assertThat(validate(Inputs.minimalWith("ref", 4.5)).input().ref()).isEqualTo("4.5");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com", "http://example.com/path?q=1&r=2#frag", "HTTPS://EXAMPLE.COM/x",
      "https://sub.example.co.in:8443/a/b"})
  void acceptsWebUrls(String url) {
    assertThat(validate(Inputs.minimalWith("buttonUrl", url)).violations()).isEmpty();
  }

  @Test
  void acceptsEveryWaSourceOfTheSpec() {
    for (String source : InputField.WA_SOURCES) {
      assertThat(validate(Inputs.minimalWith("waSource", source)).input().waSource()).isEqualTo(source);
    }
  }

  @Test
  void neverEchoesTheRejectedValue() {
    String secretish = "javascript:steal('+919812345678')";

    assertThat(validate(Inputs.minimalWith("buttonUrl", secretish)).message()).doesNotContain(secretish);
  }
}
