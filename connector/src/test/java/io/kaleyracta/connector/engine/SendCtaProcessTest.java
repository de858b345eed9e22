package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.sandbox.AcceptedMessage;
import io.kaleyracta.sandbox.KaleyraSandbox;
import io.kaleyracta.sandbox.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

class SendCtaProcessTest extends EngineTest {

  @Test
  void sendsTheFullMessageByteForByteAndStoresTheMessageId() {
    Map<String, Object> inputs = Inputs.full();
    deploy(CtaModel.withInputs(inputs.keySet()));

    ProcessInstance instance = start(inputs);

    assertThat(sandbox.requests()).hasSize(1);
    RecordedRequest request = sandbox.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/v2/" + KaleyraSandbox.SID + "/whatsapp/+919000000000/messages");
    assertThat(request.header("content-type")).isEqualTo("application/json");
    assertThat(request.header("api-key")).isEqualTo(KaleyraSandbox.API_KEY);
    assertThat(request.header("cache-control")).isEqualTo("no-cache");
    assertThat(request.bodyBytes()).isEqualTo(Inputs.golden("full-request.json").getBytes(StandardCharsets.UTF_8));
    assertThat(request.status()).isEqualTo(202);

    AcceptedMessage accepted = sandbox.accepted().get(0);
    assertThat(accepted.bodyText()).isEqualTo(inputs.get("bodyText"));
    assertThat(passed(instance, "sent")).isTrue();
    assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isEqualTo(accepted.messageId());
    assertThat(hasVariable(instance, SendWhatsAppCtaDelegate.ERROR_CODE)).isFalse();
  }

  @Test
  void sendsTheMinimalMessageWithoutAbsentOptionals() {
    Map<String, Object> inputs = Inputs.minimal();
    deploy(CtaModel.withInputs(inputs.keySet()));

    ProcessInstance instance = start(inputs);

    assertThat(sandbox.requests()).singleElement().satisfies(request -> assertThat(request.bodyBytes())
        .isEqualTo(Inputs.golden("minimal-request.json").getBytes(StandardCharsets.UTF_8)));
    assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isEqualTo(sandbox.accepted().get(0).messageId());
  }

  @Test
  void treatsBlankOptionalInputsAsAbsent() {
    Map<String, Object> inputs = Inputs.minimal();
    inputs.put("headerText", "");
    inputs.put("footerText", "   ");
    inputs.put("ref", null);
    deploy(CtaModel.withInputs(inputs.keySet()));

    start(inputs);

    assertThat(sandbox.requests()).singleElement().satisfies(request -> assertThat(request.bodyBytes())
        .isEqualTo(Inputs.golden("minimal-request.json").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void usesTheBusinessNumberInputInThePath() {
    sandbox.registerBusinessNumber("+441234567890");
    Map<String, Object> inputs = Inputs.minimalWith("businessNumber", "+441234567890");
    deploy(CtaModel.withInputs(inputs.keySet()));

    start(inputs);

    assertThat(sandbox.requests()).singleElement().extracting(RecordedRequest::rawPath)
        .isEqualTo("/v2/" + KaleyraSandbox.SID + "/whatsapp/+441234567890/messages");
  }

  @Test
  void acceptsANumberFromAnExpressionAsRecipient() {
    Map<String, Object> inputs = Inputs.minimalWith("recipient", 919812345678L);
    deploy(CtaModel.withInputs(inputs.keySet()));

    ProcessInstance instance = start(inputs);

    assertThat(sandbox.accepted()).singleElement().extracting(AcceptedMessage::to).isEqualTo("919812345678");
    assertThat(passed(instance, "sent")).isTrue();
  }

  @Test
  void clearsAnOldErrorWhenALaterSendSucceeds() {
    Map<String, Object> inputs = Inputs.minimal();
    inputs.put(SendWhatsAppCtaDelegate.ERROR_CODE, "E110");
    inputs.put(SendWhatsAppCtaDelegate.ERROR_MESSAGE, "Please check your balance");
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()));

    ProcessInstance instance = start(inputs);

    assertThat(variable(instance, SendWhatsAppCtaDelegate.ERROR_CODE)).isNull();
    assertThat(variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE)).isNull();
    assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isNotNull();
  }
}
