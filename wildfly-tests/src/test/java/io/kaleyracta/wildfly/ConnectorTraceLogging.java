package io.kaleyracta.wildfly;

import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * Turns the server's logging up to TRACE for the connector and DEBUG for the server's REST client
 * (RESTEasy) while the tests run, so that "the API key is absent from server.log" is checked against
 * everything those loggers can write, not just INFO.
 *
 * <p>Not here on purpose: {@code org.apache.http} (RESTEasy's HTTP engine on WildFly). Its
 * {@code org.apache.http.headers} and {@code org.apache.http.wire} loggers print every request header,
 * the {@code api-key} included, at DEBUG (seen with this test); that is the transport's wire log, which
 * no client code can mask, and the README tells operators to keep it below DEBUG.
 */
public class ConnectorTraceLogging implements ServerSetupTask {

    static final String[][] LOGGERS = {{"io.kaleyracta", "TRACE"}, {"org.jboss.resteasy", "DEBUG"}};

    @Override
    public void setup(ManagementClient client, String containerId) throws Exception {
        for (String[] logger : LOGGERS) {
            ModelNode add = Operations.createAddOperation(address(logger[0]));
            add.get("level").set(logger[1]);
            executeOperation(client, add);
        }
    }

    @Override
    public void tearDown(ManagementClient client, String containerId) throws Exception {
        for (String[] logger : LOGGERS) {
            executeOperation(client, Operations.createRemoveOperation(address(logger[0])));
        }
    }

    private static ModelNode address(String category) {
        return Operations.createAddress("subsystem", "logging", "logger", category);
    }
}
