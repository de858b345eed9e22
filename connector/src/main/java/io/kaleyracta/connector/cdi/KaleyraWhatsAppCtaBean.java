package io.kaleyracta.connector.cdi;

import io.kaleyracta.connector.engine.KaleyraConnectorPlugin;
import io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The connector as a CDI bean, for {@code camunda:delegateExpression="${kaleyraWhatsAppCta}"} in a Jakarta EE
 * server. Same contract and same send path as the class delegate; configuration comes from the server's
 * MicroProfile Config.
 */
@Named(KaleyraConnectorPlugin.BEAN_NAME)
@ApplicationScoped
public class KaleyraWhatsAppCtaBean extends SendWhatsAppCtaDelegate {
}
