package io.deskbridge.plugin.bitrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake answers as the reference says Bitrix24 does; the webapp's ITs rely on it as much as these tests. */
class FakeBitrix24Test {

  static final ObjectMapper JSON = new ObjectMapper();
  final FakeBitrix24 bitrix = new FakeBitrix24();
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    bitrix.close();
  }

  record Reply(int status, JsonNode body) {}

  Reply post(String url, String json) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
        "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), JSON.readTree(r.body()));
  }

  @Test
  void aBatchAnswers200WithEachCommandsResultOrErrorAndEmptyMapsAsArrays() throws Exception {
    Reply ok = post(bitrix.webhookUrl() + "batch.json", "{\"halt\":0,\"cmd\":{"
        + "\"c\":\"crm.contact.add?fields%5BNAME%5D=Ada&fields%5BPHONE%5D%5B0%5D%5BVALUE%5D=%2B79990001122\","
        + "\"d\":\"crm.deal.add?fields%5BTITLE%5D=Chat&fields%5BCONTACT_ID%5D=$result[c]\"}}");
    assertEquals(200, ok.status());
    JsonNode result = ok.body().path("result");
    assertTrue(result.path("result_error").isArray() && result.path("result_error").isEmpty());
    assertEquals(bitrix.contacts().get(0).path("ID").asText(), bitrix.deals().get(0).path("CONTACT_ID").asText());
    assertEquals("+79990001122", bitrix.contacts().get(0).path("PHONE").get(0).path("VALUE").asText());

    Reply halted = post(bitrix.webhookUrl() + "batch.json", "{\"halt\":1,\"cmd\":{"
        + "\"bad\":\"crm.timeline.comment.add?fields%5BENTITY_ID%5D=999&fields%5BENTITY_TYPE%5D=deal"
        + "&fields%5BCOMMENT%5D=x\",\"never\":\"profile\"}}");
    assertEquals(200, halted.status());
    assertEquals("Entity not found.", halted.body().path("result").path("result_error").path("bad")
        .path("error_description").asText());
    assertTrue(halted.body().path("result").path("result").isArray(), "halt: nothing after the failure ran");
  }

  @Test
  void aHeldBatchIsCarriedOutAtOnceButAnsweredOnlyWhenReleased() throws Exception {
    bitrix.holdBatches();
    CompletableFuture<HttpResponse<String>> answer = http.sendAsync(HttpRequest.newBuilder(
        URI.create(bitrix.webhookUrl() + "batch.json")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"cmd\":{\"c\":\"crm.contact.add?fields%5BNAME%5D=Ada\"}}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(bitrix.awaitHeldBatch(Duration.ofSeconds(30)));
    assertEquals(1, bitrix.contacts().size(), "the portal did the work before answering");
    assertFalse(answer.isDone());

    bitrix.releaseBatches();
    assertEquals(200, answer.get(30, TimeUnit.SECONDS).statusCode());
    assertEquals(200, post(bitrix.webhookUrl() + "batch.json", "{\"cmd\":{\"p\":\"profile\"}}").status(),
        "released: the next batch is answered at once");
  }

  @Test
  void aBatchOfMoreThanFiftyOrANestedBatchIsRefused() throws Exception {
    StringBuilder cmd = new StringBuilder();
    for (int i = 0; i < 51; i++) {
      cmd.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":\"profile\"");
    }
    Reply tooLong = post(bitrix.webhookUrl() + "batch.json", "{\"cmd\":{" + cmd + "}}");
    assertEquals(400, tooLong.status());
    assertEquals("ERROR_BATCH_LENGTH_EXCEEDED", tooLong.body().path("error").asText());
    Reply nested = post(bitrix.webhookUrl() + "batch.json", "{\"cmd\":{\"n\":\"batch?cmd%5Bx%5D=profile\"}}");
    assertEquals("ERROR_BATCH_METHOD_NOT_ALLOWED",
        nested.body().path("result").path("result_error").path("n").path("error").asText());
  }

  @Test
  void theBucketTakesFiftyThenAnswers503QueryLimitExceeded() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      burst.add(http.sendAsync(HttpRequest.newBuilder(URI.create(bitrix.webhookUrl() + "profile.json"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> answers = burst.stream().map(CompletableFuture::join).toList();
    long taken = answers.stream().filter(r -> r.statusCode() == 200).count();
    assertTrue(taken >= 50 && taken <= 52, "taken " + taken); // it drains 2 per second meanwhile
    HttpResponse<String> refused = answers.stream().filter(r -> r.statusCode() == 503).findFirst().orElseThrow();
    assertEquals("QUERY_LIMIT_EXCEEDED", JSON.readTree(refused.body()).path("error").asText());
    assertEquals(60 - taken, bitrix.overflows());
    Thread.sleep(600);
    assertEquals(200, post(bitrix.webhookUrl() + "profile.json", "{}").status());
  }

  @Test
  void listsComeInPagesOfFiftyWithNextAndTotal() throws Exception {
    for (int from = 0; from < 73; from += 50) {
      StringBuilder cmd = new StringBuilder();
      for (int i = from; i < Math.min(73, from + 50); i++) {
        cmd.append(i == from ? "" : ",").append("\"c").append(i).append("\":\"crm.contact.add?fields%5BNAME%5D=C")
            .append(i).append('"');
      }
      assertEquals(200, post(bitrix.webhookUrl() + "batch.json", "{\"cmd\":{" + cmd + "}}").status());
    }
    Reply first = post(bitrix.webhookUrl() + "crm.contact.list.json", "{}");
    assertEquals(50, first.body().path("result").size());
    assertEquals(50, first.body().path("next").asInt());
    assertEquals(73, first.body().path("total").asInt());
    Reply last = post(bitrix.webhookUrl() + "crm.contact.list.json", "{\"start\":50}");
    assertEquals(23, last.body().path("result").size());
    assertTrue(last.body().path("next").isMissingNode());
    assertEquals("C50", last.body().path("result").get(0).path("NAME").asText());
  }

  @Test
  void anOAuthCallNeedsALiveTokenAndARefreshTokenWorksOnce() throws Exception {
    String[] tokens = bitrix.issueTokens();
    assertEquals(200, post(bitrix.restUrl() + "profile.json?auth=" + tokens[0], "{}").status());
    bitrix.expireAccessTokens();
    Reply expired = post(bitrix.restUrl() + "profile.json?auth=" + tokens[0], "{}");
    assertEquals(401, expired.status());
    assertEquals("expired_token", expired.body().path("error").asText());
    String refresh = bitrix.url() + "/oauth/token/?grant_type=refresh_token&client_id=" + FakeBitrix24.CLIENT_ID
        + "&client_secret=" + FakeBitrix24.CLIENT_SECRET + "&refresh_token=" + tokens[1];
    HttpResponse<String> once = http.send(HttpRequest.newBuilder(URI.create(refresh)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, once.statusCode());
    assertEquals(3600, JSON.readTree(once.body()).path("expires_in").asInt());
    HttpResponse<String> twice = http.send(HttpRequest.newBuilder(URI.create(refresh)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(400, twice.statusCode());
    assertEquals("invalid_grant", JSON.readTree(twice.body()).path("error").asText());
  }
}
