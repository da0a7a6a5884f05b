package io.deskbridge.plugin.jira;

import static io.deskbridge.plugin.jira.TestTenant.action;
import static io.deskbridge.plugin.jira.TestTenant.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A Jira that cannot call the webhook: the module looks for updated issues itself. */
class PollingFallbackTest {

  FakeJira jira;

  @AfterEach
  void stop() {
    assertEquals(List.of(), jira.specViolations());
    jira.close();
  }

  @ParameterizedTest
  @EnumSource(FakeJira.Flavour.class)
  void aPollNotesNewCommentsAndWakesOnDoneOncePerInterval(FakeJira.Flavour flavour) {
    jira = new FakeJira(flavour);
    TestTenant t = TestTenant.of(jira).withAdasConversation().with("pollInterval", Duration.ofMinutes(5));
    JiraPlugin plugin = t.plugin();
    deliver(plugin, action("create", 81, Map.of()), 1);
    jira.comment("SUP-1", "Grace", "Fixed in 4.2");
    jira.transition("SUP-1", "Shipped");

    plugin.poll();

    assertEquals(List.of("Jira SUP-1, comment by Grace: Fixed in 4.2"), t.notes.of(81));
    assertEquals(1, t.wakes.of(81).size());
    String search = flavour == FakeJira.Flavour.CLOUD ? "GET /rest/api/3/search/jql?" : "GET /rest/api/2/search?";
    assertTrue(jira.requests().stream().anyMatch(r -> r.startsWith(search) && r.contains("updated")),
        jira.requests()::toString);

    int asked = jira.requests().size();
    plugin.poll();
    t.plugin().poll();
    assertEquals(asked, jira.requests().size(), "the interval has not passed, on this server or another");
    assertEquals(1, t.notes.of(81).size());
    assertEquals(1, t.wakes.of(81).size());
  }

  @ParameterizedTest
  @EnumSource(FakeJira.Flavour.class)
  void withoutAnIntervalJiraIsNeverPolled(FakeJira.Flavour flavour) {
    jira = new FakeJira(flavour);
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    JiraPlugin plugin = t.plugin();

    plugin.poll();

    assertEquals(List.of(), jira.requests());
  }
}
