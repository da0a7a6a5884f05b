package io.deskbridge.plugin.amocrm;

import static io.deskbridge.plugin.amocrm.TestTenant.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deskbridge.core.event.ConversationClosed;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.shared.FieldError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StageByCategoryTest {

  static final long HOW_TO = 5;
  static final long BUG = 6;

  final FakeAmoCrm amo = new FakeAmoCrm();

  @AfterEach
  void stop() {
    amo.close();
  }

  private TestTenant tenant() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null)
        .with("categoryStages", List.of("Billing=142", "bug = " + FakeAmoCrm.SECOND_STAGE));
    t.categories.put(BUG, "Bug");
    return t;
  }

  private long stageOfTheLead() {
    return amo.leads().get(0).get("status_id").asLong();
  }

  @Test
  void closingUnderAMappedCategoryMovesTheLeadOnce() {
    TestTenant t = tenant();
    AmoCrmPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    ConversationClosed closed = new ConversationClosed(TestTenant.ID, 81, BUG, Instant.now());
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, closed, 1).outcome());
    assertEquals(FakeAmoCrm.SECOND_STAGE, stageOfTheLead());

    long lead = amo.leads().get(0).get("id").asLong();
    amo.userEditsLead(lead, Crm.WON, 900);
    deliver(plugin, closed, 2);
    assertEquals(Crm.WON, stageOfTheLead(), "a repeated job does not undo the manager's move");
    assertEquals(1, amo.leadUpdates());
  }

  @Test
  void otherCategoriesLeaveTheStageAlone() {
    TestTenant t = tenant();
    AmoCrmPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    deliver(plugin, new ConversationClosed(TestTenant.ID, 81, HOW_TO, Instant.now()), 1);
    assertEquals(FakeAmoCrm.FIRST_STAGE, stageOfTheLead());
    assertEquals(0, amo.leadUpdates());
  }

  @Test
  void aStageAmoCrmDoesNotKnowIsAFailedJobWithAmoCrmsReason() {
    TestTenant t = tenant().with("categoryStages", List.of("Bug=999"));
    AmoCrmPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    DeliveryResult result = deliver(plugin, new ConversationClosed(TestTenant.ID, 81, BUG, Instant.now()), 1);
    assertEquals(DeliveryResult.Outcome.FAILED, result.outcome());
    assertEquals(true, result.detail().contains("status_id: The value you selected is not a valid choice."),
        result.detail());
  }

  @Test
  void aMalformedMappingIsReportedOnItsField() {
    AmoCrmPluginFactory factory = new AmoCrmPluginFactory();
    assertEquals(List.of(new FieldError("categoryStages", "'Billing' is not name=id (e.g. Billing=142)")),
        factory.validate(tenant().with("categoryStages", List.of("Bug=31415926", "Billing")).config()));
    assertEquals(List.of(new FieldError("categoryStages", "'bug' is listed twice")),
        factory.validate(tenant().with("categoryStages", List.of("Bug=1", "bug=2")).config()));
  }
}
