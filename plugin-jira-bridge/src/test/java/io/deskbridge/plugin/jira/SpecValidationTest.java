package io.deskbridge.plugin.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's OpenAPI check is real: a request the document does not allow is refused and recorded. */
class SpecValidationTest {

  final FakeJira jira = new FakeJira(FakeJira.Flavour.CLOUD);

  @AfterEach
  void stop() {
    jira.close();
  }

  int send(String method, String path, String body) throws Exception {
    String auth = Base64.getEncoder().encodeToString((FakeJira.EMAIL + ":" + FakeJira.API_TOKEN)
        .getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jira.url() + path))
        .header("Authorization", "Basic " + auth).header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void aRemoteLinkDeleteWithoutItsRequiredGlobalIdViolatesTheSpec() throws Exception {
    String key = jira.fileIssue("Linked");
    assertEquals(400, send("DELETE", "/rest/api/3/issue/" + key + "/remotelink", null));
    assertFalse(jira.specViolations().isEmpty());
  }

  @Test
  void aMaxResultsThatIsNotANumberViolatesTheSpec() throws Exception {
    assertEquals(400, send("GET", "/rest/api/3/search/jql?jql=labels%3Dx&maxResults=many", null));
    assertTrue(jira.specViolations().get(0).contains("validation.request.parameter.schema.type"),
        jira.specViolations()::toString);
  }

  @Test
  void aRequestThePluginWouldSendPasses() throws Exception {
    assertEquals(200, send("GET", "/rest/api/3/search/jql?jql=labels%3D%22x%22&fields=status&maxResults=1", null));
    assertEquals(List.of(), jira.specViolations());
  }
}
