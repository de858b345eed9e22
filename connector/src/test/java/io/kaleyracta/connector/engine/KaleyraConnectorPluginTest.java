package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.connector.testing.TestConfig;
import io.kaleyracta.sandbox.KaleyraSandbox;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/** In an engine without CDI or Spring, the plugin makes ${kaleyraWhatsAppCta} resolve. */
class KaleyraConnectorPluginTest {

  @Test
  void keepsResolvingTheEnginesOtherBeansThroughALazyMap() {
    java.util.Map<Object, Object> lazy = new java.util.AbstractMap<>() {
      @Override
      public Object get(Object key) {
        return "greeter".equals(key) ? "hello" : null; // like a CDI lookup: answers without listing entries
      }

      @Override
      public boolean containsKey(Object key) {
        return "greeter".equals(key);
      }

      @Override
      public java.util.Set<Entry<Object, Object>> entrySet() {
        return java.util.Set.of();
      }
    };
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setBeans(lazy);

    new KaleyraConnectorPlugin().preInit(configuration);

    assertThat(configuration.getBeans().get("greeter")).isEqualTo("hello");
    assertThat(configuration.getBeans().containsKey("greeter")).isTrue();
    assertThat(configuration.getBeans().get(KaleyraConnectorPlugin.BEAN_NAME))
        .isInstanceOf(SendWhatsAppCtaDelegate.class);
  }

  @Test
  void registersTheDelegateExpressionBean() {
    try (KaleyraSandbox sandbox = KaleyraSandbox.start()) {
      TestConfig.set(KaleyraConfig.SID, KaleyraSandbox.SID);
      TestConfig.set(KaleyraConfig.API_KEY, KaleyraSandbox.API_KEY);
      TestConfig.set(KaleyraConfig.BASE_URL, sandbox.baseUrl());
      TestConfig.set(KaleyraConfig.BUSINESS_NUMBER, KaleyraSandbox.BUSINESS_NUMBER);
      StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
      configuration.setProcessEngineName("plugin-test");
      configuration.setJdbcUrl("jdbc:h2:mem:kaleyra-plugin-test");
      configuration.setJobExecutorActivate(false);
      configuration.setProcessEnginePlugins(List.of(new KaleyraConnectorPlugin()));
      ProcessEngine engine = configuration.buildProcessEngine();
      try {
        engine.getRepositoryService().createDeployment().addModelInstance("bean.bpmn",
            Bpmn.createExecutableProcess("beanWired").camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("send").camundaDelegateExpression("${kaleyraWhatsAppCta}")
                .camundaInputParameter("recipient", "${recipient}")
                .camundaInputParameter("bodyText", "${bodyText}")
                .camundaInputParameter("buttonText", "${buttonText}")
                .camundaInputParameter("buttonUrl", "${buttonUrl}")
                .camundaOutputParameter("kaleyraMessageId", "${messageId}")
                .endEvent().done()).deploy();

        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("beanWired", Inputs.minimal());

        assertThat(sandbox.accepted()).hasSize(1);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId()).variableName("kaleyraMessageId").singleResult().getValue())
            .isEqualTo(sandbox.accepted().get(0).messageId());
      } finally {
        engine.close();
        TestConfig.clear();
      }
    }
  }
}
