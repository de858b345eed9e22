package io.kaleyracta.connector.tracking;

import java.util.List;
import java.util.Locale;

/**
 * The kind of client behind a request, which is all tap tracking keeps of its user agent. A {@link #LINK_PREVIEW}
 * is a machine (WhatsApp drawing the link's preview card, a chat app or search engine fetching it): it is
 * redirected like anyone, but it is not a tap.
 */
public enum UserAgentClass {
  /** A preview fetcher or crawler, or no user agent at all (no phone's browser sends none). Not counted. */
  LINK_PREVIEW,
  /** A browser on a phone or tablet. */
  MOBILE_BROWSER,
  /** Any other browser. */
  DESKTOP_BROWSER,
  /** Something else that follows links (an e-mail client, a script). Counted: it may be a person. */
  OTHER;

  /**
   * Known preview fetchers, matched case-insensitively anywhere in the user agent. Their in-app browsers use other
   * names (WhatsApp's preview fetcher is {@code WhatsApp/2.x}, matched only at the start, below).
   */
  static final List<String> PREVIEW_MARKERS = List.of(
      "facebookexternalhit", "facebot", "slackbot", "slack-imgproxy", "twitterbot", "telegrambot", "discordbot",
      "linkedinbot", "googlebot", "google-inspectiontool", "bingbot", "applebot", "skypeuripreview", "redditbot",
      "pinterestbot", "embedly", "iframely", "vkshare", "mastodon", "duckduckbot", "yandexbot", "baiduspider");

  public static UserAgentClass of(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return LINK_PREVIEW;
    }
    String agent = userAgent.toLowerCase(Locale.ROOT);
    if (agent.startsWith("whatsapp/") || PREVIEW_MARKERS.stream().anyMatch(agent::contains)) {
      return LINK_PREVIEW;
    }
    if (!agent.startsWith("mozilla/")) {
      return OTHER;
    }
    return agent.contains("mobile") || agent.contains("android") || agent.contains("iphone")
        || agent.contains("ipad") ? MOBILE_BROWSER : DESKTOP_BROWSER;
  }

  public boolean counts() {
    return this != LINK_PREVIEW;
  }
}
