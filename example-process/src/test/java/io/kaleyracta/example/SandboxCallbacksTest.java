package io.kaleyracta.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.sandbox.KaleyraSandbox;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Where the demo's sandbox sends its status callbacks: the endpoint's path (and context path) on 127.0.0.1. */
class SandboxCallbacksTest {

  @Test
  void pointsTheSandboxAtTheEndpointsPathOnTheWebPort() {
    URI url;
    try (KaleyraSandbox sandbox = KaleyraSandbox.start()) {
      url = SandboxCallbacks.pointAt(sandbox, new MockEnvironment()
          .withProperty("kaleyra.callback.username", "u").withProperty("kaleyra.callback.password", "p"), 8123);
    }

    assertThat(url).isEqualTo(URI.create("http://127.0.0.1:8123/kaleyra/whatsapp/status"));
  }

  @Test
  void followsAnotherCallbackPathAndTheServletContextPath() {
    URI url;
    try (KaleyraSandbox sandbox = KaleyraSandbox.start()) {
      url = SandboxCallbacks.pointAt(sandbox, new MockEnvironment().withProperty("kaleyra.callback.path",
          "/hooks/kaleyra").withProperty("server.servlet.context-path", "/clinic"), 8123);
    }

    assertThat(url).isEqualTo(URI.create("http://127.0.0.1:8123/clinic/hooks/kaleyra"));
  }
}
