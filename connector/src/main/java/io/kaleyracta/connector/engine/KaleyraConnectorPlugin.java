package io.kaleyracta.connector.engine;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Registers the connector as the expression bean {@value #BEAN_NAME} in an engine without CDI or Spring (embedded,
 * Camunda Run), so {@code camunda:delegateExpression="${kaleyraWhatsAppCta}"} works there too.
 */
public class KaleyraConnectorPlugin extends AbstractProcessEnginePlugin {

  public static final String BEAN_NAME = "kaleyraWhatsAppCta";

  @Override
  @SuppressWarnings("unchecked")
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Map<Object, Object> beans = configuration.getBeans() == null
        ? new HashMap<>() : new HashMap<>(configuration.getBeans());
    beans.put(BEAN_NAME, new SendWhatsAppCtaDelegate());
    configuration.setBeans(beans);
  }
}
