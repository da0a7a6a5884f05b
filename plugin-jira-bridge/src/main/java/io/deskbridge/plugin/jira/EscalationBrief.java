package io.deskbridge.plugin.jira;

import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.SupportDirectory;
import io.deskbridge.core.plugin.spi.SupportDirectory.ConversationFacts;
import io.deskbridge.core.plugin.spi.SupportDirectory.MessageFacts;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code fields} of the issue an agent's escalation creates: summary, description prefilled from
 * the conversation, and the configured project, type, labels, components and priority.
 */
final class EscalationBrief {

  /** Jira refuses descriptions over 32,767 characters; the latest messages matter most. */
  private static final int MESSAGE_BUDGET = 24_000;
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final JiraConfig config;
  private final PluginContext context;
  private final DialogLink dialog;

  EscalationBrief(JiraConfig config, PluginContext context, DialogLink dialog) {
    this.config = config;
    this.context = context;
    this.dialog = dialog;
  }

  /** The label that finds this conversation's issue again, whatever happened to our own records. */
  String conversationLabel(long conversationId) {
    return "deskbridge-" + context.tenantSlug() + "-" + conversationId;
  }

  JsonObject fields(long conversationId, String summary, String agentText, boolean withInternalNotes) {
    SupportDirectory directory = context.directory();
    Optional<ConversationFacts> conversation = directory.conversation(conversationId);
    Optional<SupportDirectory.CustomerFacts> customer = conversation.flatMap(c -> directory.customer(c.customerId()));
    Optional<String> category = conversation.flatMap(ConversationFacts::categoryId).flatMap(directory::categoryName);
    Optional<String> plan = conversation.flatMap(ConversationFacts::customerPlan);

    List<String> facts = new ArrayList<>();
    customer.ifPresent(c -> facts.add("Customer: " + c.name() + c.email().map(e -> " <" + e + ">").orElse("")
        + c.phone().map(p -> ", " + p).orElse("")));
    plan.ifPresent(p -> facts.add("Plan: " + p));
    category.ifPresent(c -> facts.add("Category: " + c));
    conversation.ifPresent(c -> facts.add("Channel: " + c.channel()));
    String customerName = customer.map(SupportDirectory.CustomerFacts::name).orElse("Customer");
    IssueDescription description = new IssueDescription(agentText, facts, dialog.title(conversationId),
        dialog.url(conversationId), transcript(directory.messages(conversationId, withInternalNotes), customerName));

    Set<String> labels = new LinkedHashSet<>(config.labels());
    labels.add("deskbridge");
    labels.add(conversationLabel(conversationId));
    category.map(config.categoryLabels()::get).ifPresent(labels::add);
    JsonArrayBuilder labelArray = Json.createArrayBuilder();
    labels.forEach(labelArray::add);

    JsonObjectBuilder fields = Json.createObjectBuilder()
        .add("project", Json.createObjectBuilder().add("key", config.projectKey()))
        .add("issuetype", Json.createObjectBuilder().add("name", config.issueType()))
        .add("summary", summary(conversationId, summary, conversation, customerName))
        .add("labels", labelArray);
    if (config.isCloud()) {
      fields.add("description", description.adf());
    } else {
      fields.add("description", description.wiki());
    }
    plan.map(config.planPriorities()::get).or(config::defaultPriority)
        .ifPresent(p -> fields.add("priority", Json.createObjectBuilder().add("name", p)));
    category.map(config.categoryComponents()::get).ifPresent(c -> fields.add("components",
        Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", c))));
    return Json.createObjectBuilder().add("fields", fields).build();
  }

  /** Jira's summary is one line of at most 255 characters. */
  private static String summary(long conversationId, String typed, Optional<ConversationFacts> conversation,
      String customerName) {
    String summary = typed != null && !typed.isBlank() ? typed.strip()
        : conversation.flatMap(ConversationFacts::subject).filter(s -> !s.isBlank())
            .map(s -> s + " (conversation #" + conversationId + ")")
            .orElse("Support conversation #" + conversationId + " with " + customerName);
    summary = summary.replaceAll("\\s+", " ");
    return summary.length() > 255 ? summary.substring(0, 254) + "…" : summary;
  }

  private static List<String> transcript(List<MessageFacts> messages, String customerName) {
    Deque<String> kept = new ArrayDeque<>();
    int used = 0;
    for (int i = messages.size() - 1; i >= 0; i--) {
      String line = line(messages.get(i), customerName);
      if (used + line.length() > MESSAGE_BUDGET) {
        kept.addFirst("(" + (i + 1) + " earlier messages left out; open the conversation to read them)");
        break;
      }
      used += line.length();
      kept.addFirst(line);
    }
    return List.copyOf(kept);
  }

  private static String line(MessageFacts m, String customerName) {
    String who = switch (m.author()) {
      case "customer" -> "Customer " + m.authorName().orElse(customerName);
      case "agent" -> (m.internal() ? "Internal note by " : "Agent ") + m.authorName().orElse("");
      default -> m.internal() ? "Internal note" : "Deskbridge";
    };
    return who.strip() + ", " + AT.format(m.at()) + ": " + m.text();
  }
}
