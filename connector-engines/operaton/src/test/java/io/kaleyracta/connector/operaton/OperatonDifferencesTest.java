package io.kaleyracta.connector.operaton;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate;
import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.Inputs;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.ServiceTask;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonInputOutput;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonInputParameter;

/**
 * Where Operaton differs from Camunda 7 for this connector. Its BPMN model API is renamed along with its packages
 * ({@code operatonClass()}, {@code OperatonInputOutput}), and a model built in code is written in the
 * {@code operaton:} namespace; diagrams drawn with the element template keep the {@code camunda:} namespace, which
 * Operaton reads into the same types. The connector's engine suite runs here on models of both kinds.
 */
class OperatonDifferencesTest {

  @Test
  void itsModelApiWritesTheOperatonNamespace() {
    String xml = Bpmn.convertToString(CtaModel.withInputs(Inputs.minimal().keySet()).async().build());

    assertThat(xml)
        .contains("xmlns:operaton=\"http://operaton.org/schema/1.0/bpmn\"")
        .contains("operaton:class=\"" + SendWhatsAppCtaDelegate.class.getName() + "\"")
        .contains("operaton:asyncBefore=\"true\"")
        .doesNotContain("camunda.org/schema");
  }

  @Test
  void itReadsTheElementTemplatesCamundaNamespaceIntoItsOwnTypes() {
    BpmnModelInstance exported = CtaModel.modelerExported();
    ServiceTask task = exported.getModelElementById("sendWhatsAppCta");

    assertThat(Bpmn.convertToString(exported)).contains("camunda:class=").doesNotContain("operaton:class=");
    assertThat(task.getOperatonClass()).isEqualTo(SendWhatsAppCtaDelegate.class.getName());
    assertThat(task.isOperatonAsyncBefore()).isTrue();
    OperatonInputOutput inputOutput = task.getExtensionElements().getElementsQuery()
        .filterByType(OperatonInputOutput.class).singleResult();
    assertThat(inputOutput.getOperatonInputParameters()).extracting(OperatonInputParameter::getOperatonName)
        .contains("recipient", "bodyText", "buttonText", "buttonUrl");
  }
}
