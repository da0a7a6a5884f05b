package io.deskbridge.plugin.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's check against Slack's document is real: a request it does not allow is refused. */
class SpecValidationTest {

  final FakeSlack slack = new FakeSlack();

  @AfterEach
  void stop() {
    slack.close();
  }

  int send(String method, String form) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(slack.url() + method))
        .header("Authorization", "Bearer " + FakeSlack.BOT_TOKEN)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void aChatUpdateWithoutTsViolatesTheSpec() throws Exception {
    assertEquals(400, send("chat.update", "channel=C0FORUM&text=x"));
    assertTrue(slack.specViolations().get(0).contains("/chat.update"), slack.specViolations()::toString);
  }

  @Test
  void aReactionWithoutANameViolatesTheSpec() throws Exception {
    assertEquals(400, send("reactions.add", "channel=C0FORUM&timestamp=1.2"));
    assertFalse(slack.specViolations().isEmpty());
  }

  @Test
  void aRequestThePluginWouldSendPasses() throws Exception {
    assertEquals(200, send("chat.postMessage", "channel=C0FORUM&text=hello&unfurl_links=0"));
    assertEquals(List.of(), slack.specViolations());
    assertEquals(1, slack.topLevel(FakeSlack.FORUM).size());
  }
}
