package io.kaleyracta.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.sandbox.AcceptedMessage;
import io.kaleyracta.sandbox.KaleyraSandbox;
import io.kaleyracta.sandbox.RecordedRequest;
import io.kaleyracta.sandbox.Trigger;
import io.kaleyracta.connector.status.engine.StatusWaitListener;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import org.camunda.bpm.model.bpmn.Bpmn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The connector as the CDI bean {@code ${kaleyraWhatsAppCta}} in a Camunda engine inside WildFly
 * (standalone-microprofile.xml), using the server's MP Rest Client, MP Config and JSON-B. Runs in the
 * server; the sandbox runs there too, on the port of the server's {@code kaleyra.base-url}.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(ConnectorTraceLogging.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KaleyraCtaOnWildFlyIT {

    private static final String PROCESS = "kaleyraCta";

    @Deployment
    static WebArchive deployment() {
        return TestWar.withConnector("kaleyra-cta")
                .addClass(StatusEndpoint.class)
                .addClass(TapRedirectEndpoint.class)
                .addAsResource("processes/kaleyra-cta.bpmn")
                .addAsResource("expected/full-request.json");
    }

    @Inject
    EmbeddedProcessEngine engine;

    @Inject
    LocalKaleyra kaleyra;

    private KaleyraSandbox sandbox;

    @BeforeEach
    void resetSandbox() {
        sandbox = kaleyra.sandbox();
        sandbox.reset();
    }

    @Test
    @Order(1)
    void takesItsConfigurationFromTheServer() {
        Config config = ConfigProvider.getConfig();

        ConfigValue sid = config.getConfigValue("kaleyra.sid");
        ConfigValue baseUrl = config.getConfigValue("kaleyra.base-url");
        ConfigValue apiKey = config.getConfigValue("kaleyra.api-key");

        // -D on WildFly's command line (arquillian.xml), and the key from the server's environment
        assertThat(sid.getValue()).isEqualTo(KaleyraSandbox.SID);
        assertThat(sid.getSourceName()).containsIgnoringCase("SysProp");
        assertThat(baseUrl.getValue()).isEqualTo(sandbox.baseUrl());
        assertThat(baseUrl.getSourceName()).containsIgnoringCase("SysProp");
        assertThat(apiKey.getValue()).isEqualTo(KaleyraSandbox.API_KEY);
        assertThat(apiKey.getSourceName()).containsIgnoringCase("Env");
        assertThat(Thread.currentThread().getContextClassLoader()
                .getResource("META-INF/microprofile-config.properties")).as("a config file in the WAR").isNull();
    }

    @Test
    @Order(2)
    void sendsTheMessageByteForByteAndStoresKaleyrasMessageId() throws IOException {
        Map<String, Object> variables = fullMessage();

        ProcessInstance instance = start(variables);

        assertThat(sandbox.requests()).hasSize(1);
        RecordedRequest request = sandbox.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/v2/" + KaleyraSandbox.SID + "/whatsapp/"
                + KaleyraSandbox.BUSINESS_NUMBER + "/messages");
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(request.header("api-key")).isEqualTo(KaleyraSandbox.API_KEY);
        assertThat(request.header("cache-control")).isEqualTo("no-cache");
        assertThat(new String(request.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo(resource("expected/full-request.json"));
        assertThat(request.status()).isEqualTo(202);

        AcceptedMessage accepted = sandbox.accepted().get(0);
        assertThat(accepted.bodyText()).isEqualTo(variables.get("bodyText"));
        assertThat(passed(instance, "sent")).isTrue();
        assertThat(variable(instance, "kaleyraMessageId")).isEqualTo(accepted.messageId()).isNotNull();
        assertThat(hasVariable(instance, "kaleyraErrorCode")).isFalse();
    }

    @Test
    @Order(3)
    void routesKaleyrasLowBalanceErrorToItsBoundary() {
        Map<String, Object> variables = minimalMessage();
        variables.put("recipient", Trigger.LOW_BALANCE.recipient());

        ProcessInstance instance = start(variables);

        assertThat(passed(instance, "lowBalance")).isTrue();
        assertThat(variable(instance, "kaleyraErrorCode")).isEqualTo("E110");
        assertThat(variable(instance, "kaleyraErrorMessage")).isEqualTo("Please check your balance, You have a low balance!");
        assertThat(hasVariable(instance, "kaleyraMessageId")).isTrue();
        assertThat(variable(instance, "kaleyraMessageId")).isNull();
        assertThat(sandbox.requests()).as("E110 is not retried").singleElement()
                .extracting(RecordedRequest::status).isEqualTo(400);
    }

    @Test
    @Order(4)
    void routesInvalidInputToItsBoundaryWithoutSendingAnything() {
        Map<String, Object> variables = minimalMessage();
        variables.put("buttonText", "Open your booking page");
        variables.put("buttonUrl", "javascript:alert(1)");

        ProcessInstance instance = start(variables);

        assertThat(passed(instance, "invalidInput")).isTrue();
        assertThat(variable(instance, "kaleyraErrorCode")).isEqualTo("KALEYRA_INVALID_INPUT");
        assertThat((String) variable(instance, "kaleyraErrorMessage")).contains("buttonText", "buttonUrl");
        assertThat(variable(instance, "kaleyraMessageId")).isNull();
        assertThat(sandbox.requests()).isEmpty();
    }

    /**
     * Last: reads what the tests above made the server log, with the connector's loggers at TRACE and
     * Apache HttpClient's header and wire loggers at DEBUG (see {@link ConnectorTraceLogging}).
     */
    @Test
    @Order(5)
    void keepsTheApiKeyOutOfTheServerLogAndTheHistory() throws IOException {
        // the loggers that print every header on a standard Apache connection are really on
        for (String headerLogger : List.of("org.apache.http.headers", "org.apache.http.wire")) {
            assertThat(Logger.getLogger(headerLogger).isLoggable(Level.FINE))
                    .as(headerLogger + " at DEBUG").isTrue();
        }
        Path serverLog = Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
        String log = Files.readString(serverLog, StandardCharsets.UTF_8);
        // server.log is appended to across runs: keep this server's boot only
        String thisRun = log.substring(Math.max(0, log.lastIndexOf("WFLYSRV0049")));

        assertThat(thisRun).as("the connector's DEBUG lines reach server.log").containsPattern(
                "DEBUG +\\[io\\.kaleyracta\\.connector");
        // WildFly's shipped configurations log every -D and the JVM command line at boot
        // (org.jboss.as.config at DEBUG): a key given as -Dkaleyra.api-key would be caught here
        assertThat(thisRun).contains("Configured system properties:", "kaleyra.sid = " + KaleyraSandbox.SID);
        assertThat(thisRun.lines().filter(line -> line.contains(KaleyraSandbox.API_KEY)))
                .as("server.log lines with the API key").isEmpty();
        // the WAR's manifest lets the connector see Apache HttpClient: it uses its quiet engine, no fallback
        assertThat(thisRun).as("KaleyraClient's fallback to the standard engine").doesNotContain("KCTA-014");
        assertThat(engine.processEngine().getHistoryService().createHistoricVariableInstanceQuery().list())
                .as("variables holding the API key")
                .filteredOn(v -> String.valueOf(v.getValue()).contains(KaleyraSandbox.API_KEY)).isEmpty();
    }

    @Test
    @Order(10)
    void aStatusCallbackPostedToTheDeployedEndpointEndsTheWait() throws Exception {
        // no table set up here: the connector creates its status inbox in the server's database (under JTA)
        engine.processEngine().getRepositoryService().createDeployment().addModelInstance("wait.bpmn",
                Bpmn.createExecutableProcess("statusWait").camundaHistoryTimeToLive(1).startEvent()
                        .receiveTask("wait").camundaInputParameter("kaleyraWaitMessageId", "${messageId}")
                        .camundaInputParameter("kaleyraWaitStatuses", "DELIVERED")
                        .camundaExecutionListenerClass("start", StatusWaitListener.class.getName())
                        .endEvent("delivered").done()).deploy();
        ProcessInstance instance = engine.processEngine().getRuntimeService()
                .startProcessInstanceByKey("statusWait", Map.of("messageId", "WF-STATUS-1"));
        String callback = "{\"meta_object\":{\"value\":{\"statuses\":[{\"id\":\"wamid.WF-STATUS-1\","
                + "\"status\":\"read\",\"timestamp\":\"1722834665\"}]}},\"status\":\"read\","
                + "\"message_id\":\"WF-STATUS-1\"}";

        // this server's HTTP port (the test runs inside it) and the WAR's context path
        String base = "http://127.0.0.1:" + (Integer.getInteger("jboss.http.port", 8080)
                + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/kaleyra-cta/";
        assertThat(postStatus(base, "kaleyra:wrong", callback)).isEqualTo(401);
        assertThat(passed(instance, "delivered")).isFalse();
        assertThat(postStatus(base, System.getenv("KALEYRA_CALLBACK_USERNAME") + ":"
                + System.getenv("KALEYRA_CALLBACK_PASSWORD"), callback)).isEqualTo(200);

        assertThat(passed(instance, "delivered")).isTrue();
        assertThat(variable(instance, "kaleyraStatus")).isEqualTo("READ");
    }

    /**
     * The callback beat the process to its wait: the wait's own look into the inbox, right after its transaction
     * commits, ends it (no sweep runs in this application). Under JTA that look cannot begin an engine transaction in
     * the commit's completion; it runs on a thread of its own.
     */
    @Test
    @Order(12)
    void aStatusThatArrivedBeforeTheWaitEndsItAsSoonAsTheWaitIsCommitted() throws Exception {
        String base = "http://127.0.0.1:" + (Integer.getInteger("jboss.http.port", 8080)
                + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/kaleyra-cta/";
        String callback = "{\"status\":\"read\",\"message_id\":\"WF-EARLY-1\",\"meta_object\":{\"value\":"
                + "{\"statuses\":[{\"id\":\"wamid.WF-EARLY-1\",\"status\":\"read\",\"timestamp\":\"1722834665\"}]}}}";
        assertThat(postStatus(base, System.getenv("KALEYRA_CALLBACK_USERNAME") + ":"
                + System.getenv("KALEYRA_CALLBACK_PASSWORD"), callback)).isEqualTo(200);
        engine.processEngine().getRepositoryService().createDeployment().addModelInstance("early.bpmn",
                Bpmn.createExecutableProcess("earlyStatus").camundaHistoryTimeToLive(1).startEvent()
                        .receiveTask("wait").camundaInputParameter("kaleyraWaitMessageId", "${messageId}")
                        .camundaInputParameter("kaleyraWaitStatuses", "READ")
                        .camundaExecutionListenerClass("start", StatusWaitListener.class.getName())
                        .endEvent("read").done()).deploy();

        ProcessInstance instance = engine.processEngine().getRuntimeService()
                .startProcessInstanceByKey("earlyStatus", Map.of("messageId", "WF-EARLY-1"));

        for (int i = 0; i < 200 && !passed(instance, "read"); i++) {
            Thread.sleep(25);
        }
        assertThat(passed(instance, "read")).isTrue();
        assertThat(variable(instance, "kaleyraStatus")).isEqualTo("READ");
    }

    @Test
    @Order(11)
    void aTapOnTheDeployedRedirectEndpointEndsAWaitForTapped() throws Exception {
        // no table set up here either: the connector creates KCTA_TAP_LINK with its other tables (under JTA)
        String original = "https://clinic.example.com/confirm?appointment=42&lang=en#now";
        engine.processEngine().getRepositoryService().createDeployment().addModelInstance("tap.bpmn",
                Bpmn.createExecutableProcess("tapWait").camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask("send").camundaDelegateExpression("${kaleyraWhatsAppCta}")
                        .camundaInputParameter("recipient", "+919812345678")
                        .camundaInputParameter("bodyText", "Please confirm your appointment.")
                        .camundaInputParameter("buttonText", "Confirm")
                        .camundaInputParameter("buttonUrl", original)
                        .camundaInputParameter("trackTaps", "true")
                        .camundaOutputParameter("kaleyraMessageId", "${messageId}")
                        .receiveTask("wait").camundaInputParameter("kaleyraWaitMessageId", "${kaleyraMessageId}")
                        .camundaInputParameter("kaleyraWaitStatuses", "TAPPED")
                        .camundaExecutionListenerClass("start", StatusWaitListener.class.getName())
                        .endEvent("confirmedByTap").done()).deploy();
        ProcessInstance instance = engine.processEngine().getRuntimeService().startProcessInstanceByKey("tapWait");
        String button = sandbox.accepted().get(0).buttonUrl();
        String base = "http://127.0.0.1:" + (Integer.getInteger("jboss.http.port", 8080)
                + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/kaleyra-cta";
        assertThat(button).startsWith(base + "/kaleyra/t/"); // kaleyra.tracking.base-url: this server

        HttpResponse<Void> preview = get(button, "WhatsApp/2.24.1.6 A");
        assertThat(preview.statusCode()).isEqualTo(302);
        assertThat(passed(instance, "confirmedByTap")).isFalse();
        assertThat(get(button.substring(0, button.length() - 2) + "zz", "Mozilla/5.0 (iPhone) Mobile")
                .statusCode()).isEqualTo(404);
        HttpResponse<Void> tap = get(button, "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36");

        assertThat(tap.statusCode()).isEqualTo(302);
        assertThat(tap.headers().firstValue("Location")).contains(original);
        for (int i = 0; i < 200 && !passed(instance, "confirmedByTap"); i++) {
            Thread.sleep(25);
        }
        assertThat(passed(instance, "confirmedByTap")).isTrue();
        assertThat(variable(instance, "kaleyraStatus")).isEqualTo("TAPPED");
    }

    private static HttpResponse<Void> get(String url, String userAgent) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("User-Agent", userAgent)
                        .build(), HttpResponse.BodyHandlers.discarding());
    }

    private static int postStatus(String base, String credentials, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "kaleyra/whatsapp/status"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Map<String, Object> minimalMessage() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("recipient", "+919812345678");
        variables.put("bodyText", "Your parcel is on its way.");
        variables.put("buttonText", "Track");
        variables.put("buttonUrl", "https://example.com/t/1");
        return variables;
    }

    /** Every input; the connector's golden full-request.json is this message. */
    private static Map<String, Object> fullMessage() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("recipient", "+919812345678");
        variables.put("headerText", "Ihre Buchung ✅");
        variables.put("bodyText", "Hallo Zoë,\nyour <b>booking</b> & \"plan\" is ready 🎉\n\n– see you");
        variables.put("footerText", "Reply STOP to opt out");
        variables.put("buttonText", "See booking");
        variables.put("buttonUrl", "https://example.com/bookings/42?src=wa&lang=en");
        variables.put("ref", "booking-42");
        variables.put("ref1", "reminders");
        variables.put("ref2", "de");
        variables.put("waSource", "clevertap");
        return variables;
    }

    private ProcessInstance start(Map<String, Object> variables) {
        return engine.processEngine().getRuntimeService().startProcessInstanceByKey(PROCESS, variables);
    }

    private HistoryService history() {
        return engine.processEngine().getHistoryService();
    }

    private boolean passed(ProcessInstance instance, String activityId) {
        return history().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId(activityId).count() == 1;
    }

    private List<HistoricVariableInstance> processVariables(ProcessInstance instance, String name) {
        return history().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).list().stream()
                .filter(v -> Objects.equals(v.getActivityInstanceId(), instance.getId()))
                .toList();
    }

    private boolean hasVariable(ProcessInstance instance, String name) {
        return !processVariables(instance, name).isEmpty();
    }

    private Object variable(ProcessInstance instance, String name) {
        List<HistoricVariableInstance> variables = processVariables(instance, name);
        assertThat(variables).as("process variable " + name).hasSize(1);
        return variables.get(0).getValue();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KaleyraCtaOnWildFlyIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
