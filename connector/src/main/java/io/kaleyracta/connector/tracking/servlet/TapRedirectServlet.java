package io.kaleyracta.connector.tracking.servlet;

import io.kaleyracta.connector.tracking.InMemoryTapStore;
import io.kaleyracta.connector.tracking.TapCorrelation;
import io.kaleyracta.connector.tracking.TapCorrelator;
import io.kaleyracta.connector.tracking.TapRedirect;
import io.kaleyracta.connector.tracking.TrackingConfig;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The tap redirect endpoint as a Jakarta Servlet, mapped to {@value #MAPPING}: it passes method, token and user
 * agent to {@link TapRedirect} and writes its answer. Register it in the host (web.xml, a Spring Boot
 * {@code ServletRegistrationBean}); it is not annotated, so no deployment exposes it by accident.
 *
 * <p>The no-argument constructor reads {@code kaleyra.tracking.*} from MicroProfile Config at {@link #init()} and
 * shares the links the {@code camunda:class} delegate stored in this JVM. Without that configuration every request
 * gets 404.
 */
public class TapRedirectServlet extends HttpServlet {

  public static final String MAPPING = TrackingConfig.PATH + "*";
  private static final long serialVersionUID = 1L;

  private transient TapRedirect redirect;
  private transient TapCorrelation ownCorrelation;

  public TapRedirectServlet() {
  }

  /** Answers with the given core (a host that builds its own store and correlation). */
  public TapRedirectServlet(TapRedirect redirect) {
    this.redirect = redirect;
  }

  @Override
  public void init() {
    if (redirect == null) {
      Config config = ConfigProvider.getConfig();
      InMemoryTapStore store = InMemoryTapStore.jvmWide();
      ownCorrelation = new TapCorrelation(store, TapCorrelator.NONE);
      redirect = new TapRedirect(TrackingConfig.from(key -> config.getOptionalValue(key, String.class).orElse(null)),
          store, ownCorrelation, Clock.systemUTC());
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo();
    String token = path == null || path.length() < 2 ? "" : path.substring(1);
    TapRedirect.Answer answer = redirect.answer(request.getMethod(), token, request.getHeader("User-Agent"));
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    if (!"HEAD".equals(request.getMethod()) && body.length > 0) {
      response.getOutputStream().write(body);
    }
  }

  @Override
  public void destroy() {
    if (ownCorrelation != null) {
      ownCorrelation.close();
    }
  }
}
