package io.kaleyracta.example.demo;

import io.kaleyracta.sandbox.AcceptedMessage;
import io.kaleyracta.sandbox.KaleyraSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The one-command demo's stand-in for a customer's phone: taps the button of a reminder the sandbox accepted as a
 * phone's browser would, with a GET and a phone's user agent (a HEAD, or a link-preview fetcher's user agent, is
 * redirected but not counted as a tap; docs/tap-tracking.md), and notes where the redirect pointed. It does not follow
 * the redirect: the booking page is the clinic's, not the demo's.
 */
public final class Phone {

  /** Chrome on an Android phone: a {@code MOBILE_BROWSER}, so the tap counts. */
  public static final String USER_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36"
      + " (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

  /**
   * One tap: the button's URL as the sandbox received it, the answer's status and {@code Location} ({@code null} when
   * none), or the reason the tap could not be made ({@code status} -1).
   */
  public record Tap(String messageId, String buttonUrl, int status, String location, String problem) {
    public boolean redirected() {
      return status == 302 && location != null;
    }
  }

  private final KaleyraSandbox sandbox;
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();

  public Phone(KaleyraSandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** Taps the button of the message the sandbox accepted with this id. */
  public Tap tap(String messageId) throws InterruptedException {
    String buttonUrl = sandbox.accepted().stream().filter(m -> m.messageId().equals(messageId)).findFirst()
        .map(AcceptedMessage::buttonUrl).orElse(null);
    if (buttonUrl == null) {
      return new Tap(messageId, null, -1, null, "the sandbox has no message " + messageId + " with a button");
    }
    try {
      HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(buttonUrl))
          .header("User-Agent", USER_AGENT).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return new Tap(messageId, buttonUrl, response.statusCode(),
          response.headers().firstValue("Location").orElse(null), null);
    } catch (IOException | IllegalArgumentException e) {
      return new Tap(messageId, buttonUrl, -1, null, e.toString());
    }
  }
}
