package io.kaleyracta.wildfly;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Map;

/**
 * In the redeploy test's WAR: once the engine has started, sends {@value #SENDS} messages through
 * {@code ${kaleyraWhatsAppCta}}, so each deployment builds its REST client and opens a pooled connection.
 */
@ApplicationScoped
public class SendsOnStart {

    static final int SENDS = 3;

    @Inject
    EmbeddedProcessEngine engine;

    void send(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class)
            Object applicationStarted) {
        for (int i = 0; i < SENDS; i++) {
            engine.processEngine().getRuntimeService().startProcessInstanceByKey("kaleyraCta", Map.of(
                    "recipient", "+919812345678", "bodyText", "Your parcel is on its way.",
                    "buttonText", "Track", "buttonUrl", "https://example.com/t/1"));
        }
    }
}
