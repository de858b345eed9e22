package io.kaleyracta.connector.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.bpmn.helper.ErrorDeclarationForProcessInstanceFinder;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.tree.ActivityExecutionHierarchyWalker;
import org.camunda.bpm.engine.impl.tree.ActivityExecutionMappingCollector;

/**
 * Asks the model, before the error is thrown, what catches it: an error boundary event, an error event sub-process,
 * or one of those in a calling process. This is the same search the engine runs when it propagates a BPMN error
 * ({@code BpmnExceptionHandler.propagateError}), minus its side effects; the engine would otherwise end the
 * instance silently.
 */
final class ErrorBoundaries {

  private ErrorBoundaries() {
  }

  /**
   * The execution of the scope in which the handler of {@code errorCode} runs, or {@code null} when nothing catches
   * it. For a boundary event that is the scope around the task it is attached to (the process instance for a task
   * in the process; one instance of a multi-instance sub-process for a task inside it; the calling process for a
   * boundary on a call activity); for an error event sub-process it is the scope that contains the sub-process.
   * Variables set locally there are seen by the handler's path and by nothing a sibling instance runs.
   */
  static DelegateExecution catchingScope(DelegateExecution execution, String errorCode) {
    ActivityExecution activityExecution = (ActivityExecution) execution;
    ErrorDeclarationForProcessInstanceFinder finder =
        new ErrorDeclarationForProcessInstanceFinder(null, errorCode, activityExecution.getActivity());
    ActivityExecutionMappingCollector executions = new ActivityExecutionMappingCollector(activityExecution);
    ActivityExecutionHierarchyWalker walker = new ActivityExecutionHierarchyWalker(activityExecution);
    walker.addScopePreVisitor(finder);
    walker.addExecutionPreVisitor(executions);
    walker.walkUntil(element -> finder.getErrorEventDefinition() != null || element == null);
    PvmActivity handler = finder.getErrorHandlerActivity();
    return handler == null ? null : executions.getExecutionForScope(handlerScope(handler));
  }

  /**
   * The outer of the handler's event scope and flow scope: a boundary event's event scope is the task it is
   * attached to (gone once the error is caught), its flow scope the scope around that task; an error start event's
   * flow scope is its event sub-process (not started yet), its event scope the scope containing that sub-process.
   */
  private static ScopeImpl handlerScope(PvmActivity handler) {
    ScopeImpl eventScope = (ScopeImpl) handler.getEventScope();
    ScopeImpl flowScope = (ScopeImpl) handler.getFlowScope();
    return eventScope.isAncestorFlowScopeOf(flowScope) ? eventScope : flowScope;
  }
}
