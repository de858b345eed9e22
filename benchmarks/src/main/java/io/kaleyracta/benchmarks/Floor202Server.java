package io.kaleyracta.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cheapest Kaleyra stand-in that still answers like Kaleyra: HTTP/1.1 keep-alive, a 202 with Kaleyra's JSON
 * and a fresh message id per request. It runs in its own JVM so that the CPU and allocation the benchmark reads are
 * the client's alone, and counts requests per recipient so a campaign's lost and duplicated messages can be told.
 *
 * <p>{@code GET /stats} answers {@code requests=N recipients=M duplicates=D}; {@code POST /reset} clears the counts.
 */
public final class Floor202Server {

  private final ServerSocket socket;
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, AtomicInteger> perRecipient = new ConcurrentHashMap<>();

  private Floor202Server(int port) throws IOException {
    socket = new ServerSocket(port, 512, InetAddress.getLoopbackAddress());
  }

  public static void main(String[] args) throws IOException {
    Floor202Server server = new Floor202Server(args.length > 0 ? Integer.parseInt(args[0]) : 0);
    System.out.println("PORT " + server.socket.getLocalPort());
    System.out.flush();
    server.serve();
  }

  private void serve() throws IOException {
    while (true) {
      Socket connection = socket.accept();
      connection.setTcpNoDelay(true);
      Thread thread = new Thread(() -> handle(connection), "floor-" + connection.getPort());
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void handle(Socket connection) {
    try (connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream(), 16_384);
      OutputStream out = connection.getOutputStream();
      byte[] body = new byte[0];
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        int length = contentLength(head);
        if (body.length < length) {
          body = new byte[length];
        }
        in.readNBytes(body, 0, length);
        out.write(answer(head, body, length));
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private byte[] answer(String head, byte[] body, int length) {
    if (head.startsWith("GET /stats")) {
      long duplicates = perRecipient.values().stream().mapToInt(c -> c.get() - 1).filter(d -> d > 0).sum();
      return reply(200, "text/plain", "requests=" + requests.get() + " recipients=" + perRecipient.size()
          + " duplicates=" + duplicates);
    }
    if (head.startsWith("POST /reset")) {
      requests.set(0);
      perRecipient.clear();
      return reply(200, "text/plain", "reset");
    }
    long n = requests.incrementAndGet();
    perRecipient.computeIfAbsent(recipient(body, length), k -> new AtomicInteger()).incrementAndGet();
    return reply(202, "application/json", "{\"code\":\"WA202\",\"message\":\"Request Accepted\",\"data\":"
        + "{\"message_id\":\"B" + String.format("%019d", n) + "\"},\"error\":{}}");
  }

  /** The value of the first {@code "to":"..."} in the body, or the whole body's hash when there is none. */
  private static String recipient(byte[] body, int length) {
    String text = new String(body, 0, length, StandardCharsets.UTF_8);
    int at = text.indexOf("\"to\":\"");
    if (at < 0) {
      return "#" + text.hashCode();
    }
    int start = at + 6;
    return text.substring(start, text.indexOf('"', start));
  }

  private static byte[] reply(int status, String type, String text) {
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + (status == 202 ? " Accepted" : " OK") + "\r\nContent-Type: " + type
        + "\r\nContent-Length: " + content.length + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + content.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(content, 0, all, headBytes.length, content.length);
    return all;
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder(512);
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.append((char) b);
      matched = (b == '\r' || b == '\n') ? (matched + 1) : 0;
    }
    return head.toString();
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
        return Integer.parseInt(line.substring(colon + 1).trim());
      }
    }
    return 0;
  }
}
