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
 * agent to {@link TapRedirect} and writes its answer. It is not annotated, so no deployment exposes it by accident.
 * Hosts give it the engine's redirect ({@code io.kaleyracta.connector.tracking.engine.TapEndpoint}): the Spring Boot
 * starter registers it by itself; a Jakarta EE application subclasses it with {@code @WebServlet} and overrides
 * {@link #redirect()}.
 *
 * <p>The no-argument constructor, without such an override, reads {@code kaleyra.tracking.*} from MicroProfile
 * Config at {@link #init()} and answers from {@link InMemoryTapStore#jvmWide()}: the links of engines that keep
 * them in memory ({@code kaleyra.ledger=memory}), counted but not handed to a waiting process. Without that
 * configuration every request gets 404.
 */
public class TapRedirectServlet extends HttpServlet {

  public static final String MAPPING = TrackingConfig.PATH + "*";
  private static final long serialVersionUID = 1L;

  private transient volatile TapRedirect redirect;

  /** The in-memory default: see above. */
  public TapRedirectServlet() {
  }

  /** Answers with the given redirect (e.g. {@code TapEndpoint.forEngine(engine, config)}); closed with the servlet. */
  public TapRedirectServlet(TapRedirect redirect) {
    this.redirect = redirect;
  }

  /**
   * The redirect behind this servlet: the one given, or the in-memory default built at the first request. A
   * subclass built by the container ({@code @WebServlet}) overrides this to look up its engine's.
   */
  protected TapRedirect redirect() {
    TapRedirect current = redirect;
    if (current == null) {
      synchronized (this) {
        if (redirect == null) {
          Config config = ConfigProvider.getConfig();
          InMemoryTapStore store = InMemoryTapStore.jvmWide();
          redirect = new TapRedirect(
              TrackingConfig.from(key -> config.getOptionalValue(key, String.class).orElse(null)), store,
              new TapCorrelation(store, TapCorrelator.NONE), Clock.systemUTC());
        }
        current = redirect;
      }
    }
    return current;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo();
    String token = path == null || path.length() < 2 ? "" : path.substring(1);
    TapRedirect.Answer answer = redirect().answer(request.getMethod(), token, request.getHeader("User-Agent"));
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
    TapRedirect current = redirect;
    if (current != null) {
      current.close();
    }
  }
}
