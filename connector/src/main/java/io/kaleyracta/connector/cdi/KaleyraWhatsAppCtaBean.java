package io.kaleyracta.connector.cdi;

import io.kaleyracta.connector.engine.KaleyraConnectorPlugin;
import io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate;
import io.kaleyracta.connector.engine.SharedSender;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The connector as a CDI bean, for {@code camunda:delegateExpression="${kaleyraWhatsAppCta}"} in a Jakarta EE
 * server. Same contract and same send path as the class delegate; configuration comes from the server's
 * MicroProfile Config. When the application stops or is undeployed, the bean is destroyed and closes the REST
 * clients and their connection pools, so a redeployment leaks no sockets.
 */
@Named(KaleyraConnectorPlugin.BEAN_NAME)
@ApplicationScoped
public class KaleyraWhatsAppCtaBean extends SendWhatsAppCtaDelegate {

  @PreDestroy
  void closeClients() {
    SharedSender.closeAll();
  }
}
