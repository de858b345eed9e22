package io.kaleyracta.wildfly;

import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * Turns the server's logging up while the tests run, so that "the API key is absent from server.log" is
 * checked against everything these loggers can write, not just INFO: the connector at TRACE, the server's
 * REST client (RESTEasy) at DEBUG, and Apache HttpClient's {@code org.apache.http.headers} and
 * {@code org.apache.http.wire} at DEBUG. Those two print every request header, the {@code api-key}
 * included, on a standard connection; the test WAR declares {@code org.apache.httpcomponents.core} in its
 * manifest so that the connector can give RESTEasy its quiet engine, whose connections never log.
 */
public class ConnectorTraceLogging implements ServerSetupTask {

    static final String[][] LOGGERS = {{"io.kaleyracta", "TRACE"}, {"org.jboss.resteasy", "DEBUG"},
        {"org.apache.http.headers", "DEBUG"}, {"org.apache.http.wire", "DEBUG"}};

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
