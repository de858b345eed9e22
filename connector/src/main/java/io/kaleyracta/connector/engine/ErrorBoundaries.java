package io.kaleyracta.connector.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.bpmn.helper.ErrorDeclarationForProcessInstanceFinder;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.tree.ActivityExecutionHierarchyWalker;

/**
 * Asks the model, before the error is thrown, whether anything catches it: an error boundary event, an error event
 * sub-process, or one of those in a calling process. This is the same search the engine runs when it propagates
 * a BPMN error, minus its side effects; the engine would otherwise end the instance silently.
 */
final class ErrorBoundaries {

  private ErrorBoundaries() {
  }

  static boolean catches(DelegateExecution execution, String errorCode) {
    ActivityExecution activityExecution = (ActivityExecution) execution;
    ErrorDeclarationForProcessInstanceFinder finder =
        new ErrorDeclarationForProcessInstanceFinder(null, errorCode, activityExecution.getActivity());
    ActivityExecutionHierarchyWalker walker = new ActivityExecutionHierarchyWalker(activityExecution);
    walker.addScopePreVisitor(finder);
    walker.walkUntil(element -> finder.getErrorEventDefinition() != null || element == null);
    return finder.getErrorHandlerActivity() != null;
  }
}
