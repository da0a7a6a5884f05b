package io.deskbridge.plugin.bitrix;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.plugin.spi.CustomerReplies;
import io.deskbridge.core.plugin.spi.FormBody;
import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.SupportDirectory.CustomerFacts;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code openlines} mode: the conversation lives in a Bitrix24 open line through Deskbridge's
 * connector. Customer messages go in with {@code imconnector.send.messages}; an operator's answer
 * comes back as {@code ONIMCONNECTORMESSAGEADD}, is acknowledged at once and queued, then posted as
 * the conversation's public reply and confirmed with {@code imconnector.send.status.delivery}.
 */
final class OpenLine {

  static final String CONNECTOR = "deskbridge";
  static final String OPERATOR_REPLY = "operator-reply";
  static final String EVENT = "ONIMCONNECTORMESSAGEADD";
  private static final String CHAT_PREFIX = "deskbridge-conversation-";
  private static final Pattern OPERATOR_PREFIX = Pattern.compile("^\\[b\\](.{1,100}?):?\\[/b\\]:?\\s*", Pattern.DOTALL);
  private static final String ICON = "data:image/svg+xml;charset=US-ASCII,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org"
      + "%2F2000%2Fsvg%22%20viewBox%3D%220%200%2070%2071%22%3E%3Crect%20width%3D%2270%22%20height%3D%2271%22%20rx%3D%2212"
      + "%22%20fill%3D%22%232f6fed%22%2F%3E%3C%2Fsvg%3E";

  private final Portal portal;
  private final BitrixConfig config;
  private final PluginContext context;
  private final Mappings mappings;

  OpenLine(Portal portal, BitrixConfig config, PluginContext context) {
    this.portal = portal;
    this.config = config;
    this.context = context;
    this.mappings = context.mappings();
  }

  private String line() {
    return config.openLineId().orElseThrow();
  }

  /** Registers the connector, turns it on for the line and binds the reply event, once per line. */
  void ensureConnected() {
    if (mappings.remoteId("openline-connected", line()).isPresent()) {
      return;
    }
    portal.call("imconnector.register", Json.createObjectBuilder().add("ID", CONNECTOR).add("NAME", "Deskbridge")
        .add("ICON", Json.createObjectBuilder().add("DATA_IMAGE", ICON))
        .add("PLACEMENT_HANDLER", eventsUrl()).build());
    portal.call("imconnector.activate", Json.createObjectBuilder().add("CONNECTOR", CONNECTOR).add("LINE", line())
        .add("ACTIVE", 1).build());
    try {
      portal.call("event.bind", Json.createObjectBuilder().add("event", EVENT).add("handler", eventsUrl()).build());
    } catch (PortalCallFailed e) {
      // Bitrix24 refuses a second bind of the same handler: already bound is what we want.
      if (!String.valueOf(e.getMessage()).contains("already binded")) {
        throw e;
      }
    }
    mappings.remember("openline-connected", line(), "1");
  }

  private String eventsUrl() {
    return context.publicUrl() + "/hooks/" + context.tenantSlug() + "/" + BitrixPluginFactory.ID + "/events";
  }

  /** A customer's message into the open line; a repeat of the job sends nothing twice. */
  void customerMessage(MessageAdded m) {
    String key = "message-" + m.messageId();
    if (mappings.remoteId("openline-sent", key).isPresent()) {
      return;
    }
    ensureConnected();
    String name = context.directory().customerOf(m.conversationId()).flatMap(context.directory()::customer)
        .map(CustomerFacts::name).orElse("Customer");
    long customer = context.directory().customerOf(m.conversationId()).orElse(0L);
    JsonObject message = Json.createObjectBuilder()
        .add("user", Json.createObjectBuilder().add("id", "deskbridge-customer-" + customer).add("name", personName(name)))
        .add("message", Json.createObjectBuilder().add("id", key).add("date", m.occurredAt().getEpochSecond())
            .add("text", m.text()))
        .add("chat", Json.createObjectBuilder().add("id", CHAT_PREFIX + m.conversationId())
            .add("name", "Deskbridge #" + m.conversationId() + " · " + name).add("url", context.dialogLink(m.conversationId())))
        .build();
    JsonValue result = portal.call("imconnector.send.messages", Json.createObjectBuilder().add("CONNECTOR", CONNECTOR)
        .add("LINE", line()).add("MESSAGES", Json.createArrayBuilder().add(message)).build());
    JsonObject first = Optional.ofNullable(result.asJsonObject().getJsonObject("DATA"))
        .map(d -> d.getJsonArray("RESULT")).filter(r -> !r.isEmpty()).map(r -> r.getJsonObject(0)).orElse(null);
    if (first == null || !first.getBoolean("SUCCESS", false)) {
      throw PortalCallFailed.failed("Bitrix24 did not take the message into open line " + line() + ": "
          + (first == null ? result : first.getOrDefault("ERRORS", first)));
    }
    mappings.remember("openline-sent", key, "1");
  }

  /** The operator's reply: checked, de-duplicated and queued; Bitrix24 gets its answer at once. */
  WebhookResponse operatorReply(FormBody form) {
    for (int i = 0; form.get("data[MESSAGES][" + i + "][im][message_id]").isPresent(); i++) {
      String at = "data[MESSAGES][" + i + "]";
      String imMessage = form.get(at + "[im][message_id]").orElseThrow();
      Optional<Long> conversation = form.get(at + "[chat][id]").filter(c -> c.startsWith(CHAT_PREFIX))
          .map(c -> c.substring(CHAT_PREFIX.length())).filter(c -> c.matches("\\d+")).map(Long::parseLong);
      if (conversation.isEmpty() || !form.get("data[CONNECTOR]").orElse("").equals(CONNECTOR)
          || mappings.remoteId("openline-received", imMessage).isPresent()) {
        continue;
      }
      Map<String, String> job = new HashMap<>();
      job.put("imMessageId", imMessage);
      job.put("imChatId", form.get(at + "[im][chat_id]").orElse(""));
      job.put("messageId", form.get(at + "[message][id]").orElse(""));
      job.put("text", form.get(at + "[message][text]").orElse(""));
      job.put("line", form.get("data[LINE]").orElse(line()));
      context.jobs().enqueue(conversation.get(), OPERATOR_REPLY, job);
      mappings.remember("openline-received", imMessage, Long.toString(conversation.get()));
    }
    return WebhookResponse.ok("{}");
  }

  /** Posts the queued reply for the customer (once per Bitrix24 message) and confirms its delivery. */
  void deliverOperatorReply(ActionRequest job) {
    Map<String, String> in = job.input();
    String text = in.getOrDefault("text", "");
    String author = "Bitrix24 operator";
    Matcher prefix = OPERATOR_PREFIX.matcher(text);
    if (prefix.find()) {
      author = prefix.group(1).trim();
      text = text.substring(prefix.end());
    }
    CustomerReplies.Receipt receipt = context.replies().post(job.conversationId(), "b24-" + in.get("imMessageId"),
        author, text);
    if (!receipt.isPosted()) {
      throw PortalCallFailed.failed("Deskbridge did not take the operator's reply " + in.get("imMessageId") + ": "
          + receipt.refusal());
    }
    portal.call("imconnector.send.status.delivery", Json.createObjectBuilder().add("CONNECTOR", CONNECTOR)
        .add("LINE", in.getOrDefault("line", line()))
        .add("MESSAGES", Json.createArrayBuilder().add(Json.createObjectBuilder()
            .add("im", Json.createObjectBuilder().add("chat_id", in.get("imChatId")).add("message_id", in.get("imMessageId")))
            .add("message", Json.createObjectBuilder().add("id", Json.createArrayBuilder()
                .add(Long.toString(receipt.messageId().orElseThrow()))))
            .add("chat", Json.createObjectBuilder().add("id", CHAT_PREFIX + job.conversationId())))).build());
  }

  /** Bitrix24 takes letters, spaces, hyphens and apostrophes only, at most 25 of them. */
  static String personName(String name) {
    String clean = name.replaceAll("[^\\p{L} '\\-]", "").replaceAll("\\s+", " ").trim();
    if (clean.isEmpty()) {
      clean = "Customer";
    }
    return clean.length() > 25 ? clean.substring(0, 25).trim() : clean;
  }

  static boolean isCustomerMessage(MessageAdded m) {
    return m.authorType() == AuthorType.CUSTOMER && !m.isInternal();
  }
}
