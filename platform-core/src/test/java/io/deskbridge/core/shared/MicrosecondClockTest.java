package io.deskbridge.core.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MicrosecondClockTest {

  @Test
  void instantsKeepMicrosecondsOnlyAndMillisAreReadable() {
    Clock clock = new MicrosecondClock(ZoneOffset.UTC);
    for (int i = 0; i < 1000; i++) {
      Instant now = clock.instant();
      assertEquals(0, now.getNano() % 1000, now::toString);
    }
    long before = System.currentTimeMillis();
    long millis = clock.millis(); // Clock.tick(…, 1 µs).millis() divides by zero on Java 17
    assertTrue(millis >= before && millis <= System.currentTimeMillis());
  }

  @Test
  void anotherZoneIsTheSameTimeSeenElsewhere() {
    Clock clock = new MicrosecondClock(ZoneOffset.UTC);
    Clock moscow = clock.withZone(ZoneId.of("Europe/Moscow"));
    assertEquals(ZoneId.of("Europe/Moscow"), moscow.getZone());
    assertTrue(Math.abs(moscow.millis() - clock.millis()) < 1000);
    assertEquals(clock, clock.withZone(ZoneOffset.UTC));
  }
}
