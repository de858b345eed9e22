package io.kaleyracta.connector.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TapTokenTest {

  static final String KEY = "test-key-0123456789-abcdefghijklmnopqrstuvwxyz";
  private final TapToken tokens = new TapToken(KEY);

  @Test
  void signsALinkIdIntoAShortUrlSafeTokenThatVerifiesToThatId() {
    String id = TapToken.newLinkId();

    String token = tokens.sign(id);

    assertThat(token).hasSize(TapToken.LENGTH).matches("[A-Za-z0-9_-]{32}").startsWith(id);
    assertThat(tokens.verify(token)).contains(id);
  }

  @Test
  void linkIdsAreRandomAndDistinct() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(TapToken.newLinkId());
    }

    assertThat(ids).hasSize(10_000).allMatch(id -> id.matches("[A-Za-z0-9_-]{16}"));
  }

  static IntStream positions() {
    return IntStream.range(0, TapToken.LENGTH);
  }

  @ParameterizedTest(name = "character {0}")
  @MethodSource("positions")
  void rejectsATokenWithAnyOneCharacterChanged(int position) {
    String token = tokens.sign(TapToken.newLinkId());
    char original = token.charAt(position);
    char other = original == 'A' ? 'B' : 'A';

    String tampered = token.substring(0, position) + other + token.substring(position + 1);

    assertThat(tokens.verify(tampered)).isEmpty();
  }

  @Test
  void rejectsATokenSignedWithAnotherKey() {
    String id = TapToken.newLinkId();
    String foreign = new TapToken("another-key-0123456789-abcdefghijklmnopqrstu").sign(id);

    assertThat(tokens.verify(foreign)).isEmpty();
  }

  @Test
  void rejectsOneLinksSignatureReplayedOnAnotherLinksId() {
    String first = tokens.sign(TapToken.newLinkId());
    String second = tokens.sign(TapToken.newLinkId());

    String spliced = second.substring(0, 16) + first.substring(16);

    assertThat(tokens.verify(spliced)).isEmpty();
    assertThat(tokens.verify(first)).isPresent();
    assertThat(tokens.verify(first)).as("a genuine token verifies every time it is replayed")
        .isEqualTo(tokens.verify(first));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "../../../../../../../../etc/pass", "https://evil.example.com/phish",
      "AAAAAAAAAAAAAAAA+AAAAAAAAAAAAAA/", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", "AAAAAAAAAAAAAAAA AAAAAAAAAAAAAAA"})
  void rejectsTextThatIsNotATokenOfThisServer(String text) {
    assertThat(tokens.verify(text)).isEmpty();
  }

  @Test
  void rejectsAnOverlongTokenEvenWhenItStartsWithAGenuineOne() {
    String token = tokens.sign(TapToken.newLinkId());

    assertThat(tokens.verify(token + "A")).isEmpty();
    assertThat(tokens.verify(token + "?next=https://evil.example.com")).isEmpty();
  }

  @Test
  void refusesAShortKey() {
    assertThatThrownBy(() -> new TapToken("too-short")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("too-short");
  }
}
