package io.kaleyracta.connector.testing;

import com.sun.net.httpserver.HttpServer;
import io.kaleyracta.connector.status.StatusReceiver;
import io.kaleyracta.connector.status.StatusReceiver.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The receiver core behind the JDK's HTTP server on loopback, so that the sandbox's real callbacks reach it over
 * HTTP in engine tests (the hosts' own adapters, servlet and Spring Boot, are tested in their modules).
 */
public final class CallbackServer implements AutoCloseable {

  public static final String USERNAME = "kaleyra-callback";
  public static final String PASSWORD = "callback-password-for-tests";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);

  public CallbackServer(StatusReceiver receiver) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/kaleyra/whatsapp/status", exchange -> {
      try (exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        Answer answer = receiver.receive(exchange.getRequestHeaders().getFirst("Authorization"),
            length == null ? -1 : Long.parseLong(length), exchange.getRequestBody());
        byte[] text = answer.text().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), text.length);
        exchange.getResponseBody().write(text);
      }
    });
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/kaleyra/whatsapp/status");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
