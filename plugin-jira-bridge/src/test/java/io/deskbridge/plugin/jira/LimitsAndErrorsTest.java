package io.deskbridge.plugin.jira;

import static io.deskbridge.plugin.jira.TestTenant.action;
import static io.deskbridge.plugin.jira.TestTenant.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LimitsAndErrorsTest {

  final FakeJira jira = new FakeJira(FakeJira.Flavour.CLOUD);

  @AfterEach
  void stop() {
    assertEquals(List.of(), jira.specViolations());
    jira.close();
  }

  @Test
  void retriesAfterJiraAnswers429WithItsRetryAfter() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    jira.throttleNext(1, 7);

    DeliveryResult throttled = deliver(t.plugin(), action("create", 81, Map.of()), 1);
    assertEquals(DeliveryResult.Outcome.RETRY, throttled.outcome());
    assertEquals(Duration.ofSeconds(7), throttled.retryAfter());
    assertEquals(0, jira.issues().size());

    assertEquals(DeliveryResult.Outcome.DONE, deliver(t.plugin(), action("create", 81, Map.of()), 2).outcome());
    assertEquals(1, jira.issues().size());
  }

  @Test
  void rejectedCredentialsFailAtOnceAndSaySo() {
    TestTenant t = TestTenant.of(jira).withAdasConversation().with("apiToken", new Secret("expired"));

    DeliveryResult result = deliver(t.plugin(), action("create", 81, Map.of()), 1);

    assertEquals(DeliveryResult.Outcome.FAILED, result.outcome());
    assertTrue(result.detail().contains("401") && result.detail().contains("rejected the credentials"),
        result.detail());
  }

  @Test
  void aMissingProjectPermissionFailsAtOnceAndSaySo() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    jira.forbidCreating();

    DeliveryResult result = deliver(t.plugin(), action("create", 81, Map.of()), 1);

    assertEquals(DeliveryResult.Outcome.FAILED, result.outcome());
    assertTrue(result.detail().contains("403") && result.detail().contains("permission to create issues"),
        result.detail());
  }

  @Test
  void aRequiredCustomFieldIsNamedInTheFailureAndARetryDoesNotWaitForSearch() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    jira.requireField("customfield_10050", "Customer tier is required.");

    DeliveryResult result = deliver(t.plugin(), action("create", 81, Map.of()), 1);

    assertEquals(DeliveryResult.Outcome.FAILED, result.outcome());
    assertTrue(result.detail().contains("400: customfield_10050: Customer tier is required."), result.detail());
    assertEquals(0, jira.issues().size());
    assertEquals(DeliveryResult.Outcome.FAILED, deliver(t.plugin(), action("create", 81, Map.of()), 1).outcome(),
        "Jira refused the first create, so nothing can lag behind in search");
  }

  @Test
  void anUnknownPriorityFromThePlanMappingIsShownAsJirasErrorsMap() {
    TestTenant t = TestTenant.of(jira).withAdasConversation().with("planPriorities", List.of("Gold=Urgent"));

    DeliveryResult result = deliver(t.plugin(), action("create", 81, Map.of()), 1);

    assertEquals(DeliveryResult.Outcome.FAILED, result.outcome());
    assertTrue(result.detail().contains("priority: Priority name 'Urgent' is not valid"), result.detail());
  }
}
