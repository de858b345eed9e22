package io.kaleyracta.connector.testing;

import io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;

/**
 * Small BPMN models around one "Send WhatsApp CTA" task, built like the element template wires it: the delegate
 * class, one {@code camunda:inputParameter} per given input reading the process variable of the same name, and the
 * result mapping {@code kaleyraMessageId = ${messageId}}. Each caught code gets an error boundary event leading to
 * the end event {@code caught_<code>}; the normal path ends in {@code sent}.
 */
public final class CtaModel {

  public static final String PROCESS = "cta";
  public static final String TASK = "sendCta";
  public static final String RESULT_VARIABLE = "kaleyraMessageId";
  /** The diagram the browser test drew with the element template in the Camunda modeler, exactly as exported. */
  public static final String MODELER_EXPORTED = "modeler/modeler-exported-cta.bpmn";

  private final Collection<String> inputs;
  private boolean async;
  private String afterSendDelegate;
  private String[] caughtCodes = new String[0];
  private boolean catchAll;
  private boolean resultMapping = true;

  private CtaModel(Collection<String> inputs) {
    this.inputs = inputs;
  }

  public static CtaModel withInputs(Collection<String> inputs) {
    return new CtaModel(inputs);
  }

  /** {@link #MODELER_EXPORTED}, read with this engine's model API. */
  public static BpmnModelInstance modelerExported() {
    try (InputStream in = CtaModel.class.getClassLoader().getResourceAsStream(MODELER_EXPORTED)) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public CtaModel async() {
    this.async = true;
    return this;
  }

  public CtaModel catching(String... codes) {
    this.caughtCodes = codes;
    return this;
  }

  public CtaModel catchingAll() {
    this.catchAll = true;
    return this;
  }

  /** Without the result mapping: the engine allows no output parameters on a multi-instance task. */
  public CtaModel withoutResultMapping() {
    this.resultMapping = false;
    return this;
  }

  /** A service task right after the send, in the same transaction (to fail it after Kaleyra's 202). */
  public CtaModel thenRun(Class<?> delegate) {
    this.afterSendDelegate = delegate.getName();
    return this;
  }

  public BpmnModelInstance build() {
    ServiceTaskBuilder task = Bpmn.createExecutableProcess(PROCESS)
        .camundaHistoryTimeToLive(1)
        .startEvent("start")
        .serviceTask(TASK)
        .name("Send WhatsApp CTA")
        .camundaClass(SendWhatsAppCtaDelegate.class.getName())
        .camundaAsyncBefore(async);
    for (String input : inputs) {
      task = task.camundaInputParameter(input, "${" + input + "}");
    }
    if (resultMapping) {
      task = task.camundaOutputParameter(RESULT_VARIABLE, "${messageId}");
    }
    BpmnModelInstance model;
    if (afterSendDelegate != null) {
      model = task.serviceTask("afterSend").camundaClass(afterSendDelegate).endEvent("sent").done();
    } else {
      model = task.endEvent("sent").done();
    }
    ServiceTask serviceTask = model.getModelElementById(TASK);
    for (String code : caughtCodes) {
      serviceTask.builder().boundaryEvent("boundary_" + code.replace('-', '_')).error(code)
          .endEvent("caught_" + code);
    }
    if (catchAll) {
      serviceTask.builder().boundaryEvent("boundary_any").error().endEvent("caught_any");
    }
    return model;
  }
}
