package io.deskbridge.core.sla;

import static io.deskbridge.core.conversation.ConversationStatus.CLOSED;
import static io.deskbridge.core.conversation.ConversationStatus.ON_HOLD;
import static io.deskbridge.core.conversation.ConversationStatus.OPEN;
import static io.deskbridge.core.conversation.ConversationStatus.WAITING_ON_VENDOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.conversation.ConversationStatus;
import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.InvalidInputException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A tenant's reply and resolution promises, with handbook 001's numbers as defaults. */
class SlaPolicyTest {

  private static SlaPolicy withShare(double share) {
    return new SlaPolicy("Default", SlaDuration.minutes(1), SlaDuration.minutes(5), SlaDuration.minutes(30),
        share, Set.of(WAITING_ON_VENDOR));
  }

  private static SlaPolicy pausing(Set<ConversationStatus> statuses) {
    return new SlaPolicy("Default", SlaDuration.minutes(1), SlaDuration.minutes(5), SlaDuration.minutes(30),
        0.8, statuses);
  }

  @Test
  void defaultsAreOneFiveAndThirtyMinutesWarningAtEightyPercent() {
    SlaPolicy defaults = SlaPolicy.defaults();

    assertEquals("Default", defaults.name());
    assertEquals(SlaDuration.minutes(1), defaults.target(SlaTarget.FIRST_REPLY));
    assertEquals(SlaDuration.minutes(5), defaults.target(SlaTarget.NEXT_REPLY));
    assertEquals(SlaDuration.minutes(30), defaults.target(SlaTarget.RESOLUTION));
    assertEquals(0.8, defaults.warnAtShare());
  }

  @Test
  void onlyWaitingOnVendorPausesByDefault() {
    SlaPolicy defaults = SlaPolicy.defaults();

    assertEquals(Set.of(WAITING_ON_VENDOR), defaults.pausedStatuses());
    assertTrue(defaults.pausesIn(WAITING_ON_VENDOR));
    assertFalse(defaults.pausesIn(ON_HOLD));
    assertFalse(defaults.pausesIn(OPEN));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.5, 1.5, Double.NaN})
  void warningShareMustLieStrictlyBetweenZeroAndOne(double share) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> withShare(share));

    assertEquals(new FieldError("warnAtShare", "must be between 0 and 1, both excluded"), e.errors().get(0));
  }

  @Test
  void aWarningShareJustInsideTheBoundsIsAccepted() {
    assertEquals(0.01, withShare(0.01).warnAtShare());
    assertEquals(0.99, withShare(0.99).warnAtShare());
  }

  @Test
  void closedCannotPauseBecauseClosingStopsTheTimers() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> pausing(Set.of(ON_HOLD, CLOSED)));

    assertEquals("pausedStatuses", e.errors().get(0).field());
  }

  @Test
  void pausedStatusesAreConfigurable() {
    SlaPolicy policy = pausing(Set.of(ON_HOLD));

    assertTrue(policy.pausesIn(ON_HOLD));
    assertFalse(policy.pausesIn(WAITING_ON_VENDOR));
  }

  @Test
  void everyMissingPartIsReported() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new SlaPolicy(" ", null, null, null, 0.8, null));

    assertEquals(5, e.errors().size());
    assertEquals("name", e.errors().get(0).field());
    assertEquals("pausedStatuses", e.errors().get(4).field());
  }
}
