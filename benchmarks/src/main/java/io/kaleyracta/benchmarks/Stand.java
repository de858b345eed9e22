package io.kaleyracta.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** {@link Floor202Server} in a JVM of its own: started, asked for its counts, reset and stopped from here. */
final class Stand implements AutoCloseable {

  private final Process process;
  private final int port;
  private final HttpClient admin = HttpClient.newHttpClient();

  private Stand(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static Stand start() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), Floor202Server.class.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("PORT ")) {
      process.destroyForcibly();
      throw new IllegalStateException("the Kaleyra stand-in did not start: " + line);
    }
    return new Stand(process, Integer.parseInt(line.substring(5).trim()));
  }

  int port() {
    return port;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** {@code requests=N recipients=M duplicates=D}. */
  Stats stats() throws Exception {
    String text = admin.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/stats")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String[] parts = text.split(" ");
    return new Stats(value(parts[0]), value(parts[1]), value(parts[2]));
  }

  void reset() throws Exception {
    admin.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/reset")).POST(HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long value(String pair) {
    return Long.parseLong(pair.substring(pair.indexOf('=') + 1));
  }

  record Stats(long requests, long recipients, long duplicates) {
  }

  @Override
  public void close() {
    process.destroy();
  }
}
