package io.kaleyracta.connector.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectorLogTest {

  static Stream<Arguments> controlCharacters() {
    return Stream.of(
        arguments("APT-1\r\nKCTA-100 messageId=FORGED", "APT-1\\r\\nKCTA-100 messageId=FORGED"),
        arguments("a\nb", "a\\nb"),
        arguments("a\rb", "a\\rb"),
        arguments("tab\there", "tab\\there"),
        arguments("nul\0", "nul\\u0000"),
        arguments("\u001b[2Jcleared", "\\u001b[2Jcleared"),
        arguments("del\u007f", "del\\u007f"),
        arguments("next line\u0085x", "next line\\u0085x"),
        arguments("line\u2028separator\u2029", "line\\u2028separator\\u2029"),
        arguments("bidi \u202eevil\u202c \u2066x\u2069", "bidi \\u202eevil\\u202c \\u2066x\\u2069"));
  }

  @ParameterizedTest
  @MethodSource("controlCharacters")
  void escapesEveryCharacterThatCouldStartALineOrHideText(String value, String escaped) {
    assertThat(ConnectorLog.escape(value)).isEqualTo(escaped);
  }

  @Test
  void keepsOrdinaryTextAsItIs() {
    String text = "Zoë's booking ✅ 🎉 \\n <b>&\"quotes\"</b> – see you";

    assertThat(ConnectorLog.escape(text)).isSameAs(text);
    assertThat(ConnectorLog.escape(null)).isEqualTo("null");
  }
}
