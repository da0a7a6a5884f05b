package io.deskbridge.examples.echo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.deskbridge.core.plugin.spi.Plugin;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.Secret;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EchoWebhookTest {

  private static final String NOTE = "{\"conversationId\":123,\"text\":\"Invoice sent\"}";

  private final InMemoryNotes notes = new InMemoryNotes(123L);
  private final InMemoryMappings mappings = new InMemoryMappings();

  @Test
  void writesThePostedTextWithThePrefixAsAnInternalNote() {
    WebhookResponse response = plugin(config("Echo: ")).handleWebhook(post("notes", "t0k", NOTE));

    assertEquals(200, response.status());
    assertEquals("application/json", response.contentType());
    assertEquals("{\"noted\":true}", response.body());
    assertEquals(List.of(new InMemoryNotes.Note(123, "Echo: Invoice sent")), notes.written());
    assertEquals(Optional.of("123"), mappings.remoteId("echo", "last-note"));
  }

  @Test
  void acceptsThePathWithALeadingSlash() {
    WebhookResponse response = plugin(config("Echo: ")).handleWebhook(post("/notes", "t0k", NOTE));

    assertEquals(200, response.status());
    assertEquals(1, notes.written().size());
  }

  @Test
  void usesTheTenantsOwnPrefix() {
    plugin(config("[CRM] ")).handleWebhook(post("notes", "t0k", NOTE));

    assertEquals("[CRM] Invoice sent", notes.written().get(0).text());
  }

  @Test
  void usesTheDefaultPrefixWhenTheConfigurationHasNone() {
    plugin(new PluginConfig(Map.of("token", new Secret("t0k")))).handleWebhook(post("notes", "t0k", NOTE));

    assertEquals("Echo: Invoice sent", notes.written().get(0).text());
  }

  @Test
  void refusesARequestWithoutToken() {
    WebhookResponse response = plugin(config("Echo: ")).handleWebhook(post("notes", null, NOTE));

    assertEquals(401, response.status());
    assertNothingNoted();
  }

  @ParameterizedTest
  @ValueSource(strings = {"t0K", "t0", "t0k ", "t0kt0k", ""})
  void refusesAWrongToken(String token) {
    WebhookResponse response = plugin(config("Echo: ")).handleWebhook(post("notes", token, NOTE));

    assertEquals(401, response.status());
    assertNothingNoted();
  }

  @Test
  void checksTheTokenBeforeReadingTheBody() {
    WebhookResponse response = plugin(config("Echo: ")).handleWebhook(post("notes", "wrong", "{not json"));

    assertEquals(401, response.status());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{not json", "", "[1,2]", "\"text\"", "{}", "{\"conversationId\":123}", "{\"text\":\"hi\"}",
      "{\"conversationId\":\"123\",\"text\":\"hi\"}", "{\"conversationId\":12.5,\"text\":\"hi\"}",
      "{\"conversationId\":-4,\"text\":\"hi\"}", "{\"conversationId\":99999999999999999999,\"text\":\"hi\"}",
      "{\"conversationId\":123,\"text\":42}", "{\"conversationId\":123,\"text\":\"  \"}",
      "{\"conversationId\":123,\"text\":\"hi\"} trailing"})
  void answers400WithTheReasonForAMalformedBody(String body) {
    WebhookResponse response = plugin(config("Echo: ")).handleWebhook(post("notes", "t0k", body));

    assertEquals(400, response.status());
    assertEquals("application/json", response.contentType());
    String error = Json.createReader(new StringReader(response.body())).readObject().getString("error");
    assertFalse(error.isBlank(), "the error says what is wrong");
    assertNothingNoted();
  }

  @Test
  void answers404ForAConversationOutsideTheTenant() {
    String elsewhere = "{\"conversationId\":456,\"text\":\"Invoice sent\"}";

    WebhookResponse response = plugin(config("Echo: ")).handleWebhook(post("notes", "t0k", elsewhere));

    assertEquals(404, response.status());
    assertNothingNoted();
  }

  @Test
  void answers404ToAnotherMethod() {
    WebhookRequest get = new WebhookRequest("GET", "notes", Map.of("X-Echo-Token", List.of("t0k")), null,
        NOTE.getBytes(UTF_8));

    assertEquals(404, plugin(config("Echo: ")).handleWebhook(get).status());
    assertNothingNoted();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "note", "notes/1", "other"})
  void answers404ToAnotherPath(String path) {
    assertEquals(404, plugin(config("Echo: ")).handleWebhook(post(path, "t0k", NOTE)).status());
    assertNothingNoted();
  }

  private void assertNothingNoted() {
    assertEquals(List.of(), notes.written());
    assertEquals(Optional.empty(), mappings.remoteId("echo", "last-note"));
  }

  private Plugin plugin(PluginConfig config) {
    PluginContext context = new PluginContext(7, "acme", config, "http://localhost:8080", mappings, notes,
        Clock.systemUTC());
    return new EchoPluginFactory().create(context);
  }

  private static PluginConfig config(String prefix) {
    return new PluginConfig(Map.of("token", new Secret("t0k"), "prefix", prefix));
  }

  /** Header names arrive in whatever case the caller used; the lower-case one proves lookup ignores it. */
  private static WebhookRequest post(String path, String token, String body) {
    Map<String, List<String>> headers = token == null ? Map.of() : Map.of("x-echo-token", List.of(token));
    return new WebhookRequest("POST", path, headers, null, body.getBytes(UTF_8));
  }
}
