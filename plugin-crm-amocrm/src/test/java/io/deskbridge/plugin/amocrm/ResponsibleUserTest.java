package io.deskbridge.plugin.amocrm;

import static io.deskbridge.plugin.amocrm.TestTenant.agentReplies;
import static io.deskbridge.plugin.amocrm.TestTenant.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.event.ConversationAssigned;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.shared.FieldError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponsibleUserTest {

  static final long IVAN = 3;
  static final long OLGA = 4;
  static final long NEWCOMER = 9;
  static final long IVAN_IN_AMO = 504142;
  static final long OLGA_IN_AMO = 504143;
  static final long FALLBACK = 504144;

  final FakeAmoCrm amo = new FakeAmoCrm();

  @AfterEach
  void stop() {
    amo.close();
  }

  private TestTenant tenant(String strategy) {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null)
        .customer(41, "Bob", "bob@example.com", null).customer(42, "Cy", "cy@example.com", null)
        .with("responsibleStrategy", strategy)
        .with("responsibleUsers", List.of("ivan@acme.test=" + IVAN_IN_AMO, "Olga@Acme.test=" + OLGA_IN_AMO))
        .with("fallbackUserId", FALLBACK);
    t.agentEmails.put(IVAN, "ivan@acme.test");
    t.agentEmails.put(OLGA, "olga@acme.test");
    t.agentEmails.put(NEWCOMER, "newcomer@acme.test");
    return t;
  }

  private long responsible(int lead) {
    return amo.leads().get(lead).get("responsible_user_id").asLong();
  }

  private static ConversationAssigned assigned(long conversation, Long agent) {
    return new ConversationAssigned(TestTenant.ID, conversation, agent, Instant.now());
  }

  @Test
  void withMappingTheLeadFollowsTheAssignedAgentElseTheFallback() {
    TestTenant t = tenant("mapping");
    AmoCrmPlugin plugin = t.plugin();
    assertTrue(plugin.wants(assigned(81, OLGA)));
    t.assignees.put(81L, IVAN);
    deliver(plugin, t.opened(81, 40), 1);
    assertEquals(IVAN_IN_AMO, responsible(0));
    deliver(plugin, assigned(81, IVAN), 1);
    assertEquals(0, amo.leadUpdates(), "the lead already belongs to Ivan's user");

    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, assigned(81, OLGA), 1).outcome());
    assertEquals(OLGA_IN_AMO, responsible(0));
    deliver(plugin, assigned(81, null), 1);
    assertEquals(FALLBACK, responsible(0), "back in the queue");
    deliver(plugin, assigned(81, NEWCOMER), 1);
    assertEquals(FALLBACK, responsible(0), "an agent without an amoCRM user");
    assertEquals(2, amo.leadUpdates(), "the lead already had the fallback user");
  }

  @Test
  void roundRobinGivesEachNewLeadTheNextListedUser() {
    TestTenant t = tenant("roundRobin");
    AmoCrmPlugin plugin = t.plugin();
    assertFalse(plugin.wants(assigned(81, OLGA)));
    t.assignees.put(81L, OLGA);
    deliver(plugin, t.opened(81, 40), 1);
    deliver(plugin, t.opened(82, 41), 1);
    deliver(plugin, t.opened(83, 42), 1);
    assertEquals(List.of(IVAN_IN_AMO, OLGA_IN_AMO, IVAN_IN_AMO),
        List.of(responsible(0), responsible(1), responsible(2)));
  }

  @Test
  void firstToAnswerHandsTheLeadToTheFirstAgentWhoRepliesToTheCustomer() {
    TestTenant t = tenant("firstToAnswer");
    AmoCrmPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    assertEquals(FALLBACK, responsible(0));

    deliver(plugin, TestTenant.internalNote(81, 1, "Ivan's note is not an answer"), 1);
    deliver(plugin, agentReplies(81, 2, OLGA, "Hello Ada"), 1);
    deliver(plugin, agentReplies(81, 2, OLGA, "Hello Ada"), 2);
    deliver(plugin, agentReplies(81, 3, IVAN, "Olga is on it"), 1);
    assertEquals(OLGA_IN_AMO, responsible(0));
    assertEquals(1, amo.leadUpdates());
  }

  @Test
  void mappingsThatCannotWorkAreReportedOnTheirField() {
    AmoCrmPluginFactory factory = new AmoCrmPluginFactory();
    assertEquals(List.of(new FieldError("responsibleUsers", "'ivan=504142' is not agent email=amoCRM user id")),
        factory.validate(tenant("mapping").with("responsibleUsers", List.of("ivan=504142")).config()));
    assertEquals(List.of(new FieldError("responsibleUsers", "is required for roundRobin: the users to take turns")),
        factory.validate(tenant("roundRobin").with("responsibleUsers", List.of()).config()));
    assertEquals(List.of(), factory.validate(tenant("firstToAnswer").config()));
  }
}
