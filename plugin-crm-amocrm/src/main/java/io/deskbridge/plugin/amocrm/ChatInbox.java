package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.plugin.spi.CustomerReplies;
import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.SupportDirectory.CustomerFacts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code chat} mode: each conversation is a chat in amoCRM's own inbox (the Chats API), on the
 * customer's contact and lead. Customers' and agents' public messages are sent there; managers'
 * answers come back through {@link ChatHook} as replies the customer receives, each confirmed to
 * amoCRM as delivered (or as an error with its reason), and as read once the customer writes again.
 */
final class ChatInbox {

  /** The job {@link ChatHook} queues for a manager's answer. */
  static final String MANAGER_REPLY = "amojo-manager-reply";
  static final String CHAT = "amojo-chat";
  private static final String MESSAGE = "amojo-message";
  private static final String SCOPE = "amojo-scope";
  private static final String UNREAD = "amojo-unread";
  private static final int DELIVERED = 1;
  private static final int READ = 2;
  private static final int ERROR = -1;
  /** amoCRM's code for "any other" delivery error, which must come with the text shown to the manager. */
  private static final int OTHER_ERROR = 905;

  private final AmojoApi amojo;
  private final Crm crm;
  private final LeadSync leads;
  private final AmoCrmConfig config;
  private final PluginContext context;
  private final Mappings mappings;

  ChatInbox(AmojoApi amojo, Crm crm, LeadSync leads, AmoCrmConfig config, PluginContext context) {
    this.amojo = amojo;
    this.crm = crm;
    this.leads = leads;
    this.config = config;
    this.context = context;
    this.mappings = context.mappings();
  }

  /** The conversation's id on our side of the chat, as amoCRM echoes it in its webhooks. */
  static String chatKey(long tenantId, long conversationId) {
    return "deskbridge-" + tenantId + "-" + conversationId;
  }

  /** The conversation a chat key of this tenant names, if it is one. */
  static Optional<Long> conversationOf(long tenantId, String chatKey) {
    String prefix = "deskbridge-" + tenantId + "-";
    if (chatKey == null || !chatKey.startsWith(prefix)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(chatKey.substring(prefix.length())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The conversation's chat, created on the contact the identity matching found (or created) and
   * linked to it, so amoCRM files the chat under the contact's lead rather than as a new Unsorted one.
   */
  String open(long conversationId, Optional<Long> knownCustomer, String channel) {
    Optional<String> known = mappings.remoteId(CHAT, Long.toString(conversationId));
    if (known.isPresent()) {
      return known.get();
    }
    leads.leadOf(conversationId, knownCustomer, channel);
    CustomerFacts customer = customerOf(conversationId);
    long contactId = mappings.remoteId(LeadSync.CONTACT, Long.toString(customer.id())).map(Long::parseLong)
        .orElseThrow(() -> AmoCallFailed.retry(null, "the contact of customer " + customer.id() + " is not known yet"));
    JsonObject chat = Json.createObjectBuilder().add("conversation_id", chatKey(context.tenantId(), conversationId))
        .add("user", client(customer)).build();
    JsonObject created = withScope(scope -> amojo.post("/v2/origin/custom/" + scope + "/chats", chat));
    String chatId = created.getString("id", "");
    if (chatId.isEmpty()) {
      throw AmoCallFailed.retry(null, "the Chats API created no chat id for conversation " + conversationId);
    }
    crm.linkChat(chatId, contactId);
    mappings.remember(CHAT, Long.toString(conversationId), chatId);
    return chatId;
  }

  /** A public message written in Deskbridge (customer's, agent's or a system notice) into the chat. */
  void send(MessageAdded m) {
    String localId = Long.toString(m.messageId());
    if (mappings.remoteId(MESSAGE, localId).isPresent()) {
      return;
    }
    open(m.conversationId(), Optional.empty(), null);
    CustomerFacts customer = customerOf(m.conversationId());
    JsonObjectBuilder payload = Json.createObjectBuilder()
        .add("timestamp", m.occurredAt().getEpochSecond())
        .add("msec_timestamp", m.occurredAt().toEpochMilli())
        // Our message id, so a repeated job names the same message and amoCRM keeps one copy.
        .add("msgid", "deskbridge-" + context.tenantId() + "-m" + m.messageId())
        .add("conversation_id", chatKey(context.tenantId(), m.conversationId()))
        .add("message", Json.createObjectBuilder().add("type", "text").add("text", m.text()))
        .add("silent", false);
    if (m.authorType() == AuthorType.CUSTOMER) {
      payload.add("sender", client(customer));
    } else {
      payload.add("sender", staff(m)).add("receiver", client(customer));
    }
    // Built once: a JSON builder empties itself on build(), and the call may be made twice (reconnect).
    JsonObject event = Json.createObjectBuilder().add("event_type", "new_message").add("payload", payload).build();
    JsonObject answer = withScope(scope -> amojo.post("/v2/origin/custom/" + scope, event));
    String amojoId = Optional.ofNullable(answer.getJsonObject("new_message"))
        .map(n -> n.getString("msgid", "")).filter(s -> !s.isEmpty()).orElse("sent");
    mappings.remember(MESSAGE, localId, amojoId);
    if (m.authorType() == AuthorType.CUSTOMER) {
      markRead(m.conversationId());
    }
  }

  /**
   * A manager's answer queued by {@link ChatHook}: posted as a reply the customer receives, then
   * its delivery confirmed to amoCRM. A repeat of the job finds the reply already posted.
   */
  void deliverManagerReply(ActionRequest job) {
    Map<String, String> in = job.input();
    String msgid = in.get("msgid");
    CustomerReplies.Receipt receipt = context.replies().post(job.conversationId(), msgid,
        in.getOrDefault("author", "amoCRM manager"), in.get("text"));
    JsonObjectBuilder status = Json.createObjectBuilder().add("msgid", msgid);
    if (receipt.isPosted()) {
      status.add("delivery_status", DELIVERED);
    } else {
      status.add("delivery_status", ERROR).add("error_code", OTHER_ERROR)
          .add("error", "Deskbridge did not deliver this message: " + receipt.refusal());
    }
    JsonObject delivery = status.build();
    withScope(scope -> amojo.post("/v2/origin/custom/" + scope + "/" + msgid + "/delivery_status", delivery));
    if (receipt.isPosted()) {
      String conversation = Long.toString(job.conversationId());
      List<String> unread = unread(conversation);
      if (!unread.contains(msgid)) {
        unread.add(msgid);
        mappings.remember(UNREAD, conversation, String.join(",", unread));
      }
    }
  }

  /** The customer wrote again, so they have seen the managers' answers before: tell amoCRM they are read. */
  private void markRead(long conversationId) {
    String conversation = Long.toString(conversationId);
    List<String> unread = unread(conversation);
    while (!unread.isEmpty()) {
      String msgid = unread.get(0);
      JsonObject read = Json.createObjectBuilder().add("msgid", msgid).add("delivery_status", READ).build();
      withScope(scope -> amojo.post("/v2/origin/custom/" + scope + "/" + msgid + "/delivery_status", read));
      unread.remove(0);
      mappings.remember(UNREAD, conversation, String.join(",", unread));
    }
  }

  private List<String> unread(String conversation) {
    return mappings.remoteId(UNREAD, conversation).filter(s -> !s.isEmpty())
        .map(s -> new ArrayList<>(List.of(s.split(",")))).orElseGet(ArrayList::new);
  }

  /** "Test connection" in chat mode: the channel connects to the account. */
  String connectedScope() {
    return scope();
  }

  /**
   * Runs a Chats API call with the account's scope. After the integration is reinstalled the old
   * scope is gone (404): connect the channel again and repeat the call once.
   */
  private JsonObject withScope(Function<String, JsonObject> call) {
    String scope = scope();
    try {
      return call.apply(scope);
    } catch (AmojoApi.UnknownScope e) {
      mappings.compareAndSet(SCOPE, channelId(), scope, "");
    }
    try {
      return call.apply(scope());
    } catch (AmojoApi.UnknownScope again) {
      throw AmoCallFailed.failed(again.getMessage());
    }
  }

  private String scope() {
    Optional<String> known = mappings.remoteId(SCOPE, channelId()).filter(s -> !s.isEmpty());
    if (known.isPresent()) {
      return known.get();
    }
    JsonObject connected = amojo.post("/v2/origin/custom/" + channelId() + "/connect", Json.createObjectBuilder()
        .add("account_id", crm.amojoId()).add("title", "Deskbridge").add("hook_api_version", "v2").build());
    String scope = connected.getString("scope_id", "");
    if (scope.isEmpty()) {
      throw AmoCallFailed.failed("the Chats API connected the channel but returned no scope_id");
    }
    mappings.remember(SCOPE, channelId(), scope);
    return scope;
  }

  private String channelId() {
    return config.channelId().orElseThrow(() -> AmoCallFailed.failed("chat mode needs the channel id"));
  }

  private CustomerFacts customerOf(long conversationId) {
    return context.directory().customerOf(conversationId).flatMap(context.directory()::customer)
        .orElseThrow(() -> AmoCallFailed.failed("conversation " + conversationId + " has no customer"));
  }

  private JsonObject client(CustomerFacts customer) {
    JsonObjectBuilder profile = Json.createObjectBuilder();
    customer.phone().ifPresent(p -> profile.add("phone", p));
    customer.email().ifPresent(e -> profile.add("email", e));
    return Json.createObjectBuilder().add("id", "deskbridge-" + context.tenantId() + "-c" + customer.id())
        .add("name", customer.name()).add("profile", profile).build();
  }

  /** Who wrote an outgoing message; amoCRM shows it as the channel's bot when one is configured. */
  private JsonObject staff(MessageAdded m) {
    String name = m.authorAgentId() == null ? "Deskbridge"
        : context.directory().agentName(m.authorAgentId()).orElse("Agent #" + m.authorAgentId());
    JsonObjectBuilder sender = Json.createObjectBuilder()
        .add("id", "deskbridge-" + context.tenantId() + "-a" + (m.authorAgentId() == null ? "0" : m.authorAgentId()))
        .add("name", name);
    config.channelBotId().ifPresent(bot -> sender.add("ref_id", bot));
    return sender.build();
  }
}
