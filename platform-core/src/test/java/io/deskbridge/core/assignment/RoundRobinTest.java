package io.deskbridge.core.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Handbook 001 with round-robin on: whose turn a new conversation is. */
class RoundRobinTest {

  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  private static final long SUPPORT = 10;
  private static final long BILLING = 20;

  private static Candidate online(long id, Instant lastAssignedAt, Long... departments) {
    return new Candidate(id, true, true, Set.of(departments), lastAssignedAt);
  }

  private static Optional<Long> next(Long departmentId, Candidate... team) {
    return new Rotation(List.of(team)).next(departmentId).map(Candidate::agentId);
  }

  @Test
  void anAgentNeverAssignedGoesFirst() {
    assertEquals(Optional.of(2L), next(null, online(1, T0), online(2, null), online(3, T0.minusSeconds(60))));
  }

  @Test
  void otherwiseTheAgentAssignedLongestAgo() {
    assertEquals(Optional.of(3L),
        next(null, online(1, T0), online(2, T0.plusSeconds(1)), online(3, T0.minusSeconds(60))));
  }

  @Test
  void equalTurnsGoToTheLowerIdSoEveryoneComputesTheSameChoice() {
    assertEquals(Optional.of(4L), next(null, online(7, null), online(4, null), online(9, null)));
    assertEquals(Optional.of(4L), next(null, online(7, T0), online(4, T0)));
  }

  @Test
  void offlineAgentsGetNoNewConversations() {
    Candidate offline = new Candidate(1, false, true, Set.of(), null);

    assertEquals(Optional.of(2L), next(null, offline, online(2, T0)));
    assertEquals(Optional.empty(), next(null, offline));
  }

  @Test
  void deactivatedAgentsGetNoNewConversations() {
    Candidate deactivated = new Candidate(1, true, false, Set.of(SUPPORT), null);

    assertEquals(Optional.empty(), next(SUPPORT, deactivated));
  }

  @Test
  void aDepartmentsConversationGoesOnlyToItsOwnAgents() {
    assertEquals(Optional.of(2L), next(SUPPORT, online(1, null, BILLING), online(2, T0, SUPPORT, BILLING)));
  }

  @Test
  void aDepartmentWithNobodyOnlineLeavesItInTheQueueEvenWhenOthersAreFree() {
    Candidate offlineSupport = new Candidate(1, false, true, Set.of(SUPPORT), null);

    assertEquals(Optional.empty(), next(SUPPORT, offlineSupport, online(2, null, BILLING), online(3, null)));
  }

  @Test
  void aConversationWithoutDepartmentGoesToAnyoneOnDuty() {
    assertEquals(Optional.of(1L), next(null, online(1, null, BILLING), online(2, T0)));
  }

  @Test
  void nobodyOnDutyLeavesItUnassigned() {
    assertEquals(Optional.empty(), next(null));
  }

  @Test
  void twoAgentsOfADepartmentTakeTurns() {
    List<Candidate> team = new ArrayList<>(List.of(online(1, null, SUPPORT), online(2, null, SUPPORT),
        online(3, null, BILLING), new Candidate(4, false, true, Set.of(SUPPORT), null)));
    List<Long> turns = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Candidate chosen = new Rotation(team).next(SUPPORT).orElseThrow();
      turns.add(chosen.agentId());
      team.set(team.indexOf(chosen), new Candidate(chosen.agentId(), true, true, chosen.departmentIds(),
          T0.plusSeconds(i)));
    }

    assertEquals(List.of(1L, 2L, 1L, 2L, 1L), turns);
  }
}
