package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.config.KaleyraConfigException;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.connector.testing.TestConfig;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input never reaches Kaleyra: KALEYRA_INVALID_INPUT with the field and the rule, and zero requests. */
class InvalidInputProcessTest extends EngineTest {

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        Arguments.of("recipient", "", "recipient: required"),
        Arguments.of("recipient", "+49 151 234", "recipient: must be a phone number in E.164 form"),
        Arguments.of("businessNumber", "12-34", "businessNumber: must be a phone number in E.164 form"),
        Arguments.of("headerText", "h".repeat(61), "headerText: at most 60 characters (got 61)"),
        Arguments.of("bodyText", "", "bodyText: required"),
        Arguments.of("bodyText", "b".repeat(1025), "bodyText: at most 1024 characters (got 1025)"),
        Arguments.of("footerText", "f".repeat(61), "footerText: at most 60 characters (got 61)"),
        Arguments.of("buttonText", "", "buttonText: required"),
        Arguments.of("buttonText", "Tap here to see it now", "buttonText: at most 20 characters (got 22)"),
        Arguments.of("buttonUrl", "javascript:alert(1)", "buttonUrl: must be an absolute http or https URL"),
        Arguments.of("buttonUrl", "www.example.com/no-scheme", "buttonUrl: must be an absolute http or https URL"),
        Arguments.of("ref", "r".repeat(256), "ref: at most 255 characters (got 256)"),
        Arguments.of("ref1", "r".repeat(256), "ref1: at most 255 characters (got 256)"),
        Arguments.of("ref2", "r".repeat(256), "ref2: at most 255 characters (got 256)"),
        Arguments.of("waSource", "twitter", "waSource: must be one of api, clevertap"),
        Arguments.of("bodyText", java.util.List.of("a"), "bodyText: must be text or a number"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("brokenRules")
  void rejectsBeforeSendingAndRoutesToInvalidInput(String input, Object value, String rule) {
    Map<String, Object> inputs = Inputs.minimalWith(input, value);
    deploy(CtaModel.withInputs(inputs.keySet()).catching(SendOutcome.INVALID_INPUT));

    ProcessInstance instance = start(inputs);

    assertThat(passed(instance, "caught_KALEYRA_INVALID_INPUT")).isTrue();
    assertThat(variable(instance, SendWhatsAppCtaDelegate.ERROR_CODE)).isEqualTo("KALEYRA_INVALID_INPUT");
    assertThat((String) variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE)).contains(rule);
    assertThat(hasVariable(instance, CtaModel.RESULT_VARIABLE)).isTrue();
    assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isNull();
    assertThat(sandbox.requests()).isEmpty();
  }

  @Test
  void namesEveryFailingFieldInOneMessage() {
    Map<String, Object> inputs = Inputs.minimal();
    inputs.put("buttonText", "x".repeat(25));
    inputs.put("buttonUrl", "ftp://example.com");
    inputs.put("recipient", "abc");
    deploy(CtaModel.withInputs(inputs.keySet()).catching(SendOutcome.INVALID_INPUT));

    ProcessInstance instance = start(inputs);

    assertThat((String) variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE))
        .contains("recipient: must be a phone number").contains("buttonText: at most 20 characters (got 25)")
        .contains("buttonUrl: must be an absolute http or https URL");
    assertThat(sandbox.requests()).isEmpty();
  }

  @Test
  void missingConfigurationFailsNamingTheKeyBeforeSending() {
    TestConfig.set(KaleyraConfig.SID, null);
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()).catching(SendOutcome.INVALID_INPUT));

    assertThatThrownBy(() -> start(Inputs.minimal()))
        .isInstanceOf(KaleyraConfigException.class)
        .hasMessageContaining("kaleyra.sid is missing");
    assertThat(sandbox.requests()).isEmpty();
  }
}
