package io.kaleyracta.connector.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.sandbox.AcceptedMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * Runs the diagram that the browser test drew in the real Camunda modeler library with the element template
 * (element-templates/scripts/modeler-test.mjs exports it), exactly as exported, against the sandbox.
 */
class ModelerExportedDiagramTest extends EngineTest {

  @Test
  void theDiagramDrawnWithTheTemplateSendsTheMessageTheAnalystTypedIn() {
    engine.manageDeployment(repository.createDeployment().addClasspathResource(CtaModel.MODELER_EXPORTED).deploy());

    ProcessInstance instance = runtime.startProcessInstanceByKey("whatsappCtaFromModeler",
        Map.of("customerPhone", "+919812345678", "firstName", "Zoë", "customerId", "c-42"));
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(job).as("the template's default: send in a background job").isNotNull();
    management.executeJob(job.getId());

    assertThat(sandbox.requests()).singleElement().satisfies(request -> {
      assertThat(request.rawPath()).isEqualTo("/v2/HXSANDBOX00000IN/whatsapp/+919000000000/messages");
      assertThat(new String(request.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"messaging_object\":{"
          + "\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+919812345678\","
          + "\"type\":\"interactive\",\"interactive\":{\"type\":\"cta_url\",\"header\":{\"type\":\"text\","
          + "\"text\":\"Your offer is ready\"},\"body\":{\"text\":\"Hi Zoë!\\nTap the button below to see your "
          + "personal offer.\"},\"footer\":{\"text\":\"Valid for 7 days\"},\"action\":{\"name\":\"cta_url\","
          + "\"parameters\":{\"display_text\":\"See offer\",\"url\":\"https://shop.example.com/offer?c=c-42\"}}}},"
          + "\"extra_info\":{\"ref\":\"c-42\",\"ref1\":\"spring-campaign\",\"ref2\":\"modeler-test\","
          + "\"wa_source\":\"braze\"}}");
    });
    AcceptedMessage accepted = sandbox.accepted().get(0);
    assertThat(passed(instance, "offerSent")).isTrue();
    assertThat(variable(instance, "offerMessageId")).isEqualTo(accepted.messageId());
  }
}
