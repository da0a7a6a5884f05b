package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /hooks/{tenant}/amocrm/chat}: a manager answered in amoCRM's chat inbox. amoCRM sends each
 * such webhook once, never again, and waits at most a few seconds: so only the signature is checked
 * here and the answer is queued as a job ({@link ChatInbox#deliverManagerReply}); a replay of the
 * same message id is acknowledged and ignored.
 */
final class ChatHook {

  private static final String RECEIVED = "amojo-received";

  private final ChannelSignature signature;
  private final PluginContext context;
  private final Mappings mappings;

  ChatHook(ChannelSignature signature, PluginContext context) {
    this.signature = signature;
    this.context = context;
    this.mappings = context.mappings();
  }

  WebhookResponse handle(WebhookRequest request) {
    if (!request.method().equals("POST")) {
      return WebhookResponse.notFound();
    }
    if (!signature.signs(request.body(), request.header("X-Signature").orElse(null))) {
      return WebhookResponse.unauthorized();
    }
    JsonObject message;
    try {
      message = AmoApi.parse(new String(request.body(), java.nio.charset.StandardCharsets.UTF_8)).asJsonObject()
          .getJsonObject("message");
    } catch (JsonException | ClassCastException e) {
      return new WebhookResponse(400, "text/plain", "not a Chats API webhook: " + e.getMessage());
    }
    if (message == null || message.getJsonObject("message") == null) {
      return new WebhookResponse(400, "text/plain", "the webhook carries no message");
    }
    Optional<Long> conversation = Optional.ofNullable(message.getJsonObject("conversation"))
        .flatMap(c -> ChatInbox.conversationOf(context.tenantId(), c.getString("client_id", null)));
    String msgid = message.getJsonObject("message").getString("id", "");
    // A chat Deskbridge did not start (another channel of the account) is none of ours: acknowledge it.
    if (conversation.isEmpty() || msgid.isEmpty() || mappings.remoteId(RECEIVED, msgid).isPresent()) {
      return WebhookResponse.ok("{}");
    }
    Map<String, String> job = new HashMap<>();
    job.put("msgid", msgid);
    job.put("text", text(message.getJsonObject("message")));
    Optional.ofNullable(message.getJsonObject("sender")).map(s -> s.getString("name", null))
        .filter(n -> !n.isBlank()).ifPresent(n -> job.put("author", n));
    context.jobs().enqueue(conversation.get(), ChatInbox.MANAGER_REPLY, job);
    mappings.remember(RECEIVED, msgid, Long.toString(conversation.get()));
    return WebhookResponse.ok("{}");
  }

  /** Text as written; a file, picture or voice message becomes its link, which the customer can open. */
  private static String text(JsonObject m) {
    String text = m.getString("text", "");
    String media = m.getString("media", "");
    if (media.isEmpty()) {
      return text;
    }
    String label = m.getString("file_name", m.getString("type", "file"));
    return (text.isEmpty() ? "" : text + "\n") + label + ": " + media;
  }
}
