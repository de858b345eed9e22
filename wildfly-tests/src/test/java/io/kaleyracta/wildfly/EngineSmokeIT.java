package io.kaleyracta.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class EngineSmokeIT {

    @Deployment
    static WebArchive deployment() {
        return TestWar.create("engine-smoke")
                .addClass(SmokeDelegate.class)
                .addAsResource("processes/smoke.bpmn");
    }

    @Inject
    EmbeddedProcessEngine engine;

    @Test
    void resolvesNamedCdiDelegateInDelegateExpression() {
        ProcessEngine processEngine = engine.processEngine();

        ProcessInstance instance = processEngine.getRuntimeService()
                .startProcessInstanceByKey("smoke", Map.of("input", "hello"));

        HistoricVariableInstance echo = processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("echo").singleResult();
        assertThat(instance.isEnded()).isTrue();
        assertThat(echo.getValue()).isEqualTo("CDI says hello");
    }

    @Test
    void seesKaleyraConfigurationGivenToTheServer() {
        Config config = ConfigProvider.getConfig();

        assertThat(config.getValue("kaleyra.sid", String.class)).isEqualTo("HXSANDBOX00000IN");
        assertThat(config.getValue("kaleyra.base-url", String.class)).startsWith("http://127.0.0.1:");
        assertThat(config.getOptionalValue("kaleyra.api-key", String.class)).isPresent();
    }
}
