package io.kaleyracta.wildfly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A test-only CDI delegate proving that {@code ${smokeDelegate}} resolves through CDI. */
@Named("smokeDelegate")
@ApplicationScoped
public class SmokeDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("echo", "CDI says " + execution.getVariable("input"));
    }
}
