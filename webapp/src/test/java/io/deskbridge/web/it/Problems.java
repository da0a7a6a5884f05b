package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Assertions on RFC 9457 problem documents. */
final class Problems {

  private Problems() {}

  /** The reply is a problem of this status and type, with a detail and nothing internal in it. */
  static JsonNode assertProblem(Api.Reply reply, int status, String type) {
    assertEquals(status, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith("application/problem+json"), () -> "content type of " + reply);
    JsonNode body = reply.json();
    assertEquals("https://deskbridge.io/problems/" + type, body.path("type").asText(), reply::toString);
    assertEquals(status, body.path("status").asInt());
    assertFalse(body.path("title").asText().isBlank(), "title");
    assertFalse(body.path("detail").asText().isBlank(), "detail");
    assertFalse(reply.raw().contains("Exception"), () -> "leaks an exception: " + reply);
    assertFalse(reply.raw().contains("\tat ") || reply.raw().contains("at io.deskbridge"), "stack trace");
    return body;
  }

  /** A 400 whose errors array names exactly these fields (in any order). */
  static void assertFieldErrors(Api.Reply reply, String... fields) {
    JsonNode body = assertProblem(reply, 400, "invalid-input");
    List<String> named = new ArrayList<>();
    body.path("errors").forEach(e -> {
      named.add(e.path("field").asText());
      assertFalse(e.path("message").asText().isBlank(), "message for " + e);
    });
    assertEquals(List.of(fields).stream().sorted().toList(), named.stream().distinct().sorted().toList(),
        reply::toString);
  }
}
