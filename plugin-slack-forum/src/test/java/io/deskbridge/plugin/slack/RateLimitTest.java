package io.deskbridge.plugin.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slack's limits delay questions; they never lose or duplicate one. */
class RateLimitTest {

  final FakeSlack slack = new FakeSlack();
  final TestTenant tenant = new TestTenant(slack).withAdasQuestion();

  @AfterEach
  void stop() {
    assertEquals(List.of(), slack.specViolations());
    slack.close();
  }

  @Test
  void a429BurstDelaysTheQuestionButLosesNothing() {
    SlackForumPlugin plugin = tenant.plugin();
    slack.throttleNext(3, 7);
    var ask = TestTenant.ask(81, "Refund after 30 days?");

    for (int attempt = 1; attempt <= 3; attempt++) {
      DeliveryResult result = TestTenant.deliver(plugin, ask);
      assertEquals(DeliveryResult.Outcome.RETRY, result.outcome());
      assertEquals(Duration.ofSeconds(7), result.retryAfter(), "Slack's Retry-After is honoured");
    }
    assertEquals(DeliveryResult.Outcome.DONE, TestTenant.deliver(plugin, ask).outcome());

    assertEquals(1, slack.topLevel(FakeSlack.FORUM).size());
  }

  @Test
  void questionsToOneChannelArePacedToOneASecond() {
    SlackForumPlugin plugin = tenant.plugin();
    long started = System.nanoTime();

    for (long conversation = 81; conversation <= 83; conversation++) {
      assertEquals(DeliveryResult.Outcome.DONE,
          TestTenant.deliver(plugin, TestTenant.ask(conversation, "Question " + conversation)).outcome());
    }

    assertEquals(3, slack.topLevel(FakeSlack.FORUM).size(), "the fake refuses a second post within a second");
    assertTrue(System.nanoTime() - started >= 2_000_000_000L);
  }

  @Test
  void aBadTokenIsAFailureNoRetryFixes() {
    SlackForumPlugin plugin = tenant.with("botToken", new io.deskbridge.core.plugin.spi.Secret("xoxb-wrong"))
        .plugin();

    DeliveryResult result = TestTenant.deliver(plugin, TestTenant.ask(81, "Refund?"));

    assertEquals(DeliveryResult.Outcome.FAILED, result.outcome());
    assertTrue(result.detail().contains("invalid_auth"), result.detail());
    tenant.with("botToken", new io.deskbridge.core.plugin.spi.Secret(FakeSlack.BOT_TOKEN));
    assertEquals(DeliveryResult.Outcome.DONE, TestTenant.deliver(tenant.plugin(), TestTenant.ask(81, "Refund?"))
        .outcome(), "a failed post leaves the question free to ask again");
  }

  @Test
  void anUnknownChannelIsAFailureNoRetryFixes() {
    SlackForumPlugin plugin = tenant.with("channel", "#nowhere").plugin();

    DeliveryResult result = TestTenant.deliver(plugin, TestTenant.ask(81, "Refund?"));

    assertEquals(DeliveryResult.Outcome.FAILED, result.outcome());
    assertTrue(result.detail().contains("channel_not_found"), result.detail());
  }
}
