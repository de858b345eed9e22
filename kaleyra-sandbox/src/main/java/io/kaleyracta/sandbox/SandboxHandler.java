package io.kaleyracta.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads each exchange, sends viewer paths to {@link MessageViewer} and everything else to
 * {@link MessagesEndpoint}, records API requests (before answering, so a client that got its answer
 * finds its request recorded) and writes the reply.
 */
final class SandboxHandler implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(SandboxHandler.class.getName());

    private final SandboxState state;
    private final MessagesEndpoint endpoint;

    SandboxHandler(SandboxState state) {
        this.state = state;
        this.endpoint = new MessagesEndpoint(state);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long arrival = state.arrive();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            if (MessageViewer.serves(rawPath)) {
                send(exchange, method, MessageViewer.reply(method, rawPath, state.accepted(), state.callbacks().sent()));
                return;
            }
            Map<String, List<String>> headers = lowerCased(exchange.getRequestHeaders());
            Reply reply;
            try {
                reply = endpoint.handle(method, rawPath, headers, body);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Kaleyra sandbox failed on " + method + " " + rawPath, e);
                reply = Reply.json(500, "{\"code\":\"SANDBOX_ERROR\",\"message\":\"The sandbox itself failed: "
                        + e.getClass().getSimpleName() + "\",\"data\":{},\"error\":{}}");
            }
            state.record(arrival, new RecordedRequest(method, rawPath, headers, body, reply.status(), reply.body()));
            send(exchange, method, reply);
        }
    }

    private static void send(HttpExchange exchange, String method, Reply reply) throws IOException {
        byte[] bytes = reply.bodyBytes();
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean noBody = bytes.length == 0 || method.equals("HEAD");
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .addAll(values));
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        lower.forEach((name, values) -> frozen.put(name, List.copyOf(values)));
        return frozen;
    }
}
