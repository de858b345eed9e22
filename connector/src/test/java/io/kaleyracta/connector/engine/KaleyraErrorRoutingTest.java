package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.connector.testing.TestConfig;
import io.kaleyracta.sandbox.Trigger;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented Kaleyra code reaches the error boundary that catches it, with the variables set. */
class KaleyraErrorRoutingTest extends EngineTest {

  private static final String[] CODES = {"RBC001", "WA401", "WA400", "E110", "WA-401", "WA500", "WAV2101"};

  @BeforeEach
  void deployModelCatchingEveryCode() {
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()).catching(CODES));
  }

  static Stream<Arguments> triggers() {
    return Stream.of(
        Arguments.of(Trigger.AUTH_FAILURE, "RBC001", "Incorrect SID or API key.", 1),
        Arguments.of(Trigger.BAD_PAYLOAD, "WA400", "Refer to correct payload format", 1),
        Arguments.of(Trigger.LOW_BALANCE, "E110", "Please check your balance, You have a low balance!", 1),
        Arguments.of(Trigger.ACCOUNT_NOT_ENABLED, "WA-401",
            "API is not available for given customer.Please contact support for more info", 1),
        Arguments.of(Trigger.WRONG_API_VERSION, "WA-401", "The phone number you're using is associated with "
            + "different Version of our WA API. Please use the appropriate endpoint.", 1),
        // transient: retried within the call (3 attempts by default), then routed
        Arguments.of(Trigger.SERVER_ERROR, "WA500", "Please try again later", 3));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("triggers")
  void routesKaleyrasCodeToItsBoundaryWithTheVariablesSet(Trigger trigger, String code, String message,
      int requests) {
    ProcessInstance instance = start(Inputs.minimalWith("recipient", trigger.recipient()));

    assertThat(passed(instance, "caught_" + code)).isTrue();
    assertThat(passed(instance, "sent")).isFalse();
    assertThat(variable(instance, SendWhatsAppCtaDelegate.ERROR_CODE)).isEqualTo(code);
    assertThat(variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE)).isEqualTo(message);
    assertThat(hasVariable(instance, CtaModel.RESULT_VARIABLE)).isTrue();
    assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isNull();
    assertThat(sandbox.requests()).hasSize(requests);
  }

  @Test
  void passesAnUndocumentedCodeThroughExactlyAsSent() {
    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.UNKNOWN_CODE.recipient()));

    assertThat(passed(instance, "caught_WAV2101")).isTrue();
    assertThat(variable(instance, SendWhatsAppCtaDelegate.ERROR_CODE)).isEqualTo("WAV2101");
    assertThat(sandbox.requests()).hasSize(1);
  }

  @Test
  void routesAWrongApiKeyToRbc001() {
    TestConfig.set(KaleyraConfig.API_KEY, "a-wrong-key");

    ProcessInstance instance = start(Inputs.minimal());

    assertThat(passed(instance, "caught_RBC001")).isTrue();
    assertThat(variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE)).isEqualTo("Incorrect SID or API key.");
  }

  @Test
  void routesABusinessNumberOfAnotherAccountToWa401() {
    Map<String, Object> inputs = Inputs.minimalWith("businessNumber", "+15550001111");
    deploy(CtaModel.withInputs(inputs.keySet()).catching(CODES));

    ProcessInstance instance = start(inputs);

    assertThat(passed(instance, "caught_WA401")).isTrue();
    assertThat(variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE))
        .isEqualTo("Phone number is not present or does not belong to the account.");
    assertThat(sandbox.requests()).hasSize(1);
  }

  @Test
  void anErrorEventSubProcessCatchesToo() {
    Map<String, Object> inputs = Inputs.minimalWith("recipient", Trigger.LOW_BALANCE.recipient());
    var model = CtaModel.withInputs(inputs.keySet()).build();
    var process = (org.camunda.bpm.model.bpmn.instance.Process) model.getModelElementById(CtaModel.PROCESS);
    process.builder().eventSubProcess("lowBalanceHandler").startEvent("lowBalanceStart").error("E110")
        .endEvent("handled_E110");
    deploy(model);

    ProcessInstance instance = start(inputs);

    assertThat(passed(instance, "handled_E110")).isTrue();
  }
}
