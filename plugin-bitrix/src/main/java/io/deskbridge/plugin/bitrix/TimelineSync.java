package io.deskbridge.plugin.bitrix;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.event.ConversationClosed;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.SupportDirectory.CustomerFacts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A conversation's messages and its closing as comments on its lead's or deal's timeline, and the
 * stage its category maps to on close. A burst of a conversation's messages becomes one {@code batch}.
 */
final class TimelineSync {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final ConversationLink link;
  private final Timeline timeline;
  private final CrmRecords crm;
  private final BitrixConfig config;
  private final PluginContext context;

  TimelineSync(ConversationLink link, Timeline timeline, CrmRecords crm,
      BitrixConfig config, PluginContext context) {
    this.link = link;
    this.timeline = timeline;
    this.crm = crm;
    this.config = config;
    this.context = context;
  }

  DeliveryResult message(MessageAdded m) {
    return messages(List.of(m)).get(0);
  }

  /** Messages of one conversation, oldest first: one result each, in their order. */
  List<DeliveryResult> messages(List<MessageAdded> messages) {
    long conversationId = messages.get(0).conversationId();
    CrmEntity entity = link.entityOf(conversationId, Optional.empty(), null);
    String channel = context.mappings().remoteId(ConversationLink.CHANNEL, Long.toString(conversationId))
        .orElse(null);
    List<Timeline.Comment> comments = new ArrayList<>();
    // A run is one conversation's messages: its customer's name is read once, not once a message.
    Map<Long, String> customerNames = new HashMap<>();
    for (MessageAdded m : messages) {
      String key = "message-" + m.messageId();
      comments.add(comment(key, (m.isInternal() ? "Internal note by " : "") + author(m, customerNames)
          + (channel == null || m.isInternal() ? "" : " via " + channel) + " · " + TIME.format(m.occurredAt())
          + "\n" + m.text()));
    }
    Map<String, DeliveryResult> written = timeline.write(conversationId, entity, comments);
    return comments.stream().map(c -> written.get(c.key())).toList();
  }

  DeliveryResult closed(ConversationClosed c) {
    CrmEntity entity = link.entityOf(c.conversationId(), Optional.empty(), null);
    String category = Optional.ofNullable(c.categoryId()).flatMap(context.directory()::categoryName).orElse(null);
    String key = "closing-" + c.conversationId() + "@" + c.occurredAt().toEpochMilli();
    String text = "Conversation #" + c.conversationId() + " closed · " + TIME.format(c.occurredAt())
        + "\nCategory: " + (category == null ? "none" : category)
        + "\nDialog: " + context.dialogLink(c.conversationId());
    DeliveryResult written = write(c.conversationId(), entity, key, text);
    if (written.outcome() == DeliveryResult.Outcome.DONE) {
      moveOnClose(entity, category, c.occurredAt());
    }
    return written;
  }

  private DeliveryResult write(long conversationId, CrmEntity entity, String key, String text) {
    return timeline.write(conversationId, entity, List.of(comment(key, text))).get(key);
  }

  private static Timeline.Comment comment(String key, String text) {
    return new Timeline.Comment(key, text + "\n" + Timeline.marker(key));
  }

  /** The stage the closing category maps to ({@code closeStages}); a category with none leaves it alone. */
  private void moveOnClose(CrmEntity entity, String category, Instant closedAt) {
    Optional<String> stage = Optional.ofNullable(category).map(config.stageByCategory()::get)
        .or(() -> Optional.ofNullable(config.stageByCategory().get("*")));
    if (stage.isEmpty()) {
      return;
    }
    Mappings mappings = context.mappings();
    String done = entity.key() + "@" + closedAt.toEpochMilli();
    if (mappings.remoteId("close-stage", done).isPresent()) {
      return;
    }
    // Known before the call, so the portal's own ONCRM…UPDATE event for this move is not noted as news.
    mappings.remember(ConversationLink.STAGE, entity.key(), stage.get());
    crm.moveTo(entity, stage.get());
    mappings.remember("close-stage", done, stage.get());
  }

  private String author(MessageAdded m, Map<Long, String> customerNames) {
    if (m.authorType() == AuthorType.AGENT && m.authorAgentId() != null) {
      return context.directory().agentName(m.authorAgentId()).orElse("Agent #" + m.authorAgentId());
    }
    if (m.authorType() == AuthorType.CUSTOMER) {
      return customerNames.computeIfAbsent(m.conversationId(), this::customerName);
    }
    return "Deskbridge";
  }

  private String customerName(long conversationId) {
    return context.directory().customerOf(conversationId).flatMap(context.directory()::customer)
        .map(CustomerFacts::name).orElse("Customer");
  }
}
