package io.kaleyracta.connector.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacing arithmetic on a hand-driven clock: what each caller waits, never how long a test takes. */
class SendRateTest {

  private long now = 1_000_000_000L;
  private final List<Long> waits = new ArrayList<>();

  private SendRate rate(int perSecond) {
    return new SendRate(perSecond, () -> now, waits::add);
  }

  @Test
  void spacesSimultaneousSendsOfOneNumberByTheInterval() throws InterruptedException {
    SendRate rate = rate(80);
    for (int i = 0; i < 4; i++) {
      rate.awaitTurn("+919000000000");
    }
    assertThat(waits).containsExactly(12_500_000L, 25_000_000L, 37_500_000L); // the first goes at once
  }

  @Test
  void anIdleNumberSendsAtOnceWithoutSavingUpABurst() throws InterruptedException {
    SendRate rate = rate(10);
    rate.awaitTurn("+919000000000");
    now += 5_000_000_000L; // five idle seconds
    rate.awaitTurn("+919000000000");
    rate.awaitTurn("+919000000000");
    assertThat(waits).containsExactly(100_000_000L); // only the third waits: no five seconds' worth of credit
  }

  @Test
  void eachBusinessNumberHasItsOwnRate() throws InterruptedException {
    SendRate rate = rate(10);
    rate.awaitTurn("+919000000000");
    rate.awaitTurn("+919111111111");
    rate.awaitTurn("+919000000000");
    assertThat(waits).containsExactly(100_000_000L);
  }

  @Test
  void aCallerThatArrivesLateWaitsOnlyForWhatIsLeftOfItsSlot() throws InterruptedException {
    SendRate rate = rate(10);
    rate.awaitTurn("+919000000000");
    rate.awaitTurn("+919000000000"); // takes the slot at +100 ms
    now += 150_000_000L;
    rate.awaitTurn("+919000000000"); // next free slot at +200 ms: 50 ms left
    assertThat(waits).containsExactly(100_000_000L, 50_000_000L);
  }

  @Test
  void noRateConfiguredNeverWaits() throws InterruptedException {
    SendRate rate = rate(0);
    for (int i = 0; i < 100; i++) {
      rate.awaitTurn("+919000000000");
    }
    assertThat(waits).isEmpty();
  }
}
