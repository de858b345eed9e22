package io.kaleyracta.connector.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserAgentClassTest {

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
      "WhatsApp/2.23.20.0 A | LINK_PREVIEW",
      "WhatsApp/2.24.6.77 i | LINK_PREVIEW",
      "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php) | LINK_PREVIEW",
      "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots) | LINK_PREVIEW",
      "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com) | LINK_PREVIEW",
      "TelegramBot (like TwitterBot) | LINK_PREVIEW",
      "Twitterbot/1.0 | LINK_PREVIEW",
      "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com) | LINK_PREVIEW",
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) | LINK_PREVIEW",
      "'' | LINK_PREVIEW",
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36 | MOBILE_BROWSER",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1 | MOBILE_BROWSER",
      "Mozilla/5.0 (Linux; Android 13; SM-A515F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Mobile Safari/537.36 WhatsApp/2.24 | MOBILE_BROWSER",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36 | DESKTOP_BROWSER",
      "curl/8.5.0 | OTHER"})
  void classifiesTheClient(String userAgent, UserAgentClass expected) {
    assertThat(UserAgentClass.of(userAgent)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void countsEveryoneButPreviewFetchers() {
    assertThat(UserAgentClass.of(null).counts()).isFalse();
    assertThat(UserAgentClass.LINK_PREVIEW.counts()).isFalse();
    assertThat(UserAgentClass.MOBILE_BROWSER.counts()).isTrue();
    assertThat(UserAgentClass.OTHER.counts()).isTrue();
  }
}
