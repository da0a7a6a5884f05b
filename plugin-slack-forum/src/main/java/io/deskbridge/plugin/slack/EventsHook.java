package io.deskbridge.plugin.slack;

import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /hooks/{tenant}/slack-forum/events}: Slack's Events API. Every request is checked against
 * the v0 signature first; the work a thread reply needs (users.info, the note) is queued as a job,
 * so Slack gets its answer well within its 3 seconds. An {@code event_id} seen before is acknowledged
 * and dropped (Slack retries with the same id), and so is a reply whose channel and ts were seen
 * under another id (Slack occasionally delivers twice with different ids). Retries are not dropped
 * for being retries: the first delivery may never have arrived.
 */
final class EventsHook {

  static final String REPLY = "reply";
  private static final String SEEN = "event";

  private final RequestSignature signature;
  private final PluginContext context;
  private final ForumThreads threads;

  EventsHook(RequestSignature signature, PluginContext context, ForumThreads threads) {
    this.signature = signature;
    this.context = context;
    this.threads = threads;
  }

  WebhookResponse handle(WebhookRequest request) {
    if (!"POST".equals(request.method())) {
      return new WebhookResponse(405, null, null);
    }
    if (!signature.isValid(request.header("X-Slack-Request-Timestamp").orElse(""),
        request.header("X-Slack-Signature").orElse(""), request.body())) {
      return WebhookResponse.unauthorized();
    }
    JsonObject payload;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(request.body()))) {
      payload = reader.readObject();
    } catch (RuntimeException e) {
      return new WebhookResponse(400, null, null);
    }
    String type = payload.getString("type", "");
    if (type.equals("url_verification")) {
      return WebhookResponse.ok(Json.createObjectBuilder()
          .add("challenge", payload.getString("challenge", "")).build().toString());
    }
    if (!type.equals("event_callback") || !(payload.get("event") instanceof JsonObject event)) {
      return WebhookResponse.ok("{\"ignored\":true}");
    }
    String eventId = payload.getString("event_id", "");
    if (eventId.isEmpty() || !context.mappings().compareAndSet(SEEN, eventId, null, "seen")) {
      return WebhookResponse.ok("{\"ignored\":true}");
    }
    return threadReply(event).map(this::queue).orElse(WebhookResponse.ok("{\"ignored\":true}"));
  }

  private WebhookResponse queue(Map<String, String> reply) {
    long conversationId = Long.parseLong(reply.remove("conversationId"));
    String key = reply.get("channel") + ":" + reply.get("ts") + (reply.containsKey("edited") ? ":edited" : "");
    if (!context.mappings().compareAndSet(SEEN, key, null, "seen")) {
      return WebhookResponse.ok("{\"ignored\":true}");
    }
    context.jobs().enqueue(conversationId, REPLY, reply);
    return WebhookResponse.ok("{\"ignored\":false}");
  }

  /**
   * A colleague's reply in the thread of one of our questions, new or edited; anything else (bots,
   * our own posts, top-level chatter, deletions, joins) is not.
   */
  private Optional<Map<String, String>> threadReply(JsonObject event) {
    if (!"message".equals(event.getString("type", ""))) {
      return Optional.empty();
    }
    String subtype = event.getString("subtype", "");
    boolean edited = subtype.equals("message_changed");
    JsonObject message = edited && event.get("message") instanceof JsonObject m ? m : event;
    if (!subtype.isEmpty() && !edited && !subtype.equals("file_share") && !subtype.equals("thread_broadcast")) {
      return Optional.empty();
    }
    if (message.containsKey("bot_id") || event.containsKey("bot_id") || "bot_message".equals(
        message.getString("subtype", ""))) {
      return Optional.empty();
    }
    String channel = event.getString("channel", "");
    String ts = message.getString("ts", "");
    String threadTs = message.getString("thread_ts", "");
    String user = message.getString("user", "");
    if (threadTs.isEmpty() || threadTs.equals(ts) || user.isEmpty()) {
      return Optional.empty();
    }
    return threads.conversationOf(channel, threadTs).map(conversationId -> {
      Map<String, String> reply = new HashMap<>();
      reply.put("conversationId", Long.toString(conversationId));
      reply.put("channel", channel);
      reply.put("ts", ts);
      reply.put("user", user);
      reply.put("text", message.getString("text", ""));
      if (edited) {
        reply.put("edited", "true");
      }
      return reply;
    });
  }
}
