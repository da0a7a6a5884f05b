package io.deskbridge.core.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The page size of every list: 1 to 100, 50 when the client does not say. */
class PageLimitTest {

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void absentLimitGivesFiftyItems(String requested) {
    assertEquals(50, PageLimit.parse(requested));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "99999999999"})
  void limitOutsideOneToHundredIsRejected(String requested) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> PageLimit.parse(requested));

    assertEquals(List.of("limit"), e.errors().stream().map(FieldError::field).toList());
  }

  @Test
  void limitsFromOneToHundredAreTakenAsGiven() {
    assertEquals(1, PageLimit.parse("1"));
    assertEquals(100, PageLimit.parse("100"));
    assertEquals(20, PageLimit.parse(" 20 "));
  }

  @Test
  void numericLimitFollowsTheSameRules() {
    assertEquals(50, PageLimit.of(null));
    assertEquals(100, PageLimit.of(100));
    assertThrows(InvalidInputException.class, () -> PageLimit.of(0));
  }
}
