package io.kaleyracta.benchmarks;

import io.kaleyracta.connector.input.InputValidator;
import io.kaleyracta.connector.payload.CtaMessageRequest;
import io.kaleyracta.connector.payload.PayloadJson;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The yardsticks: the connector's own request bytes sent by a bare JDK {@link HttpClient} on one kept-alive
 * connection, and the same bytes written by hand on a socket (the floor no client can beat).
 */
final class WireRows {

  private final Stand stand;
  private final byte[] body;
  private final String path;

  WireRows(Stand stand, Map<String, Object> inputs) throws Exception {
    this.stand = stand;
    try (PayloadJson json = new PayloadJson()) {
      this.body = json.toJson(CtaMessageRequest.from(
          InputValidator.validate(inputs::get, Campaign.BUSINESS_NUMBER).input())).getBytes(StandardCharsets.UTF_8);
    }
    this.path = "/v2/" + Campaign.SID + "/whatsapp/" + Campaign.BUSINESS_NUMBER + "/messages";
  }

  Meter.Cost jdkHttpClient(int warmup, int repetitions, int operations) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(stand.baseUrl() + path))
        .header("Content-Type", "application/json").header("cache-control", "no-cache")
        .header("api-key", Campaign.API_KEY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    Meter.Work work = n -> {
      for (int i = 0; i < n; i++) {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
          throw new IllegalStateException("HTTP " + response.statusCode());
        }
      }
    };
    work.run(warmup);
    return Meter.median(repetitions, operations, work);
  }

  Meter.Cost rawSocket(int warmup, int repetitions, int operations) throws Exception {
    byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + stand.port()
        + "\r\nContent-Type: application/json\r\ncache-control: no-cache\r\napi-key: " + Campaign.API_KEY
        + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), stand.port())) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
      byte[] buffer = new byte[8192];
      Meter.Work work = n -> {
        for (int i = 0; i < n; i++) {
          out.write(head);
          out.write(body);
          out.flush();
          readAnswer(in, buffer);
        }
      };
      work.run(warmup);
      return Meter.median(repetitions, operations, work);
    }
  }

  /** Reads one answer: the head up to the blank line, then Content-Length bytes. */
  private static void readAnswer(InputStream in, byte[] buffer) throws java.io.IOException {
    int length = 0;
    int matched = 0;
    int lineStart = 0;
    int at = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new java.io.EOFException();
      }
      buffer[at++] = (byte) b;
      if (b == '\n') {
        String line = new String(buffer, lineStart, at - lineStart, StandardCharsets.US_ASCII).trim();
        if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
          length = Integer.parseInt(line.substring(15).trim());
        }
        lineStart = at;
      }
      matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
    }
    in.readNBytes(buffer, 0, length);
  }
}
