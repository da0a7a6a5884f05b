package io.deskbridge.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Priorities are stored as ranks so the inbox can sort urgent conversations first in SQL. */
class PriorityTest {

  private final PriorityConverter converter = new PriorityConverter();

  @ParameterizedTest
  @EnumSource(Priority.class)
  void priorityComesBackFromItsStoredRank(Priority priority) {
    assertEquals(priority, Priority.ofRank(priority.rank()));
    assertEquals(priority, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(priority)));
  }

  @Test
  void higherRankMeansMoreUrgent() {
    List<Priority> byRank = Arrays.stream(Priority.values())
        .sorted(Comparator.comparingInt(Priority::rank))
        .toList();

    assertEquals(List.of(Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT), byRank);
    assertEquals(List.of(1, 2, 3, 4), byRank.stream().map(Priority::rank).toList());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5, -1})
  void unknownRankIsRefused(int rank) {
    assertThrows(IllegalArgumentException.class, () -> Priority.ofRank(rank));
  }
}
