package io.kaleyracta.connector.cibseven;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate;
import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.Inputs;
import org.cibseven.bpm.model.bpmn.Bpmn;
import org.cibseven.bpm.model.bpmn.instance.ServiceTask;
import org.cibseven.bpm.model.bpmn.instance.cibseven.CamundaInputOutput;
import org.junit.jupiter.api.Test;

/**
 * Where CIB seven differs from Camunda 7 for this connector: only the package names. Its model API keeps Camunda's
 * method and type names ({@code camundaClass()}, {@code CamundaInputOutput}, the latter moved to
 * {@code ...instance.cibseven}) and still writes the {@code camunda:} namespace, so a model built in code is the
 * same XML as on Camunda 7.
 */
class CibSevenDifferencesTest {

  @Test
  void itsModelApiStillWritesTheCamundaNamespace() {
    String xml = Bpmn.convertToString(CtaModel.withInputs(Inputs.minimal().keySet()).async().build());

    assertThat(xml)
        .contains("xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"")
        .contains("camunda:class=\"" + SendWhatsAppCtaDelegate.class.getName() + "\"")
        .contains("camunda:asyncBefore=\"true\"");
  }

  @Test
  void itKeepsCamundasModelTypeNamesInItsOwnPackage() {
    ServiceTask task = CtaModel.modelerExported().getModelElementById("sendWhatsAppCta");

    assertThat(CamundaInputOutput.class.getName())
        .isEqualTo("org.cibseven.bpm.model.bpmn.instance.cibseven.CamundaInputOutput");
    assertThat(task.getCamundaClass()).isEqualTo(SendWhatsAppCtaDelegate.class.getName());
    assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).singleResult()
        .getCamundaInputParameters()).hasSizeGreaterThanOrEqualTo(4);
  }
}
