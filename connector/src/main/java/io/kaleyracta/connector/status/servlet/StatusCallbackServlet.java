package io.kaleyracta.connector.status.servlet;

import io.kaleyracta.connector.status.StatusReceiver;
import io.kaleyracta.connector.status.StatusReceiver.Answer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The status callback endpoint for any Jakarta Servlet 6 container (Spring Boot's Tomcat, WildFly's Undertow):
 * a thin adapter over {@link StatusReceiver}. Register it at {@link #path(Function)}, by default
 * {@value #DEFAULT_PATH}; only POST is allowed (the servlet's own 405 for other methods).
 */
public class StatusCallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Configuration key of the path the host registers this servlet at. */
  public static final String PATH = "kaleyra.callback.path";
  public static final String DEFAULT_PATH = "/kaleyra/whatsapp/status";

  private final transient StatusReceiver receiver;

  public StatusCallbackServlet(StatusReceiver receiver) {
    this.receiver = receiver;
  }

  /** For a container-created subclass ({@code @WebServlet}) that overrides {@link #receiver()}. */
  protected StatusCallbackServlet() {
    this.receiver = null;
  }

  /** The receiver behind this servlet; a subclass built by the container looks it up here. */
  protected StatusReceiver receiver() {
    return receiver;
  }

  /** The configured path ({@value #PATH}), or {@value #DEFAULT_PATH}; always starting with {@code /}. */
  public static String path(Function<String, String> lookup) {
    String path = lookup.apply(PATH);
    if (path == null || path.isBlank()) {
      return DEFAULT_PATH;
    }
    path = path.trim();
    return path.startsWith("/") ? path : "/" + path;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Answer answer = receiver().receive(request.getHeader("Authorization"), request.getContentLengthLong(),
        request.getInputStream());
    response.setStatus(answer.status());
    if (answer.status() == 401) {
      response.setHeader("WWW-Authenticate", Answer.CHALLENGE);
    }
    response.setContentType("text/plain;charset=UTF-8");
    response.getOutputStream().write((answer.text() + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
