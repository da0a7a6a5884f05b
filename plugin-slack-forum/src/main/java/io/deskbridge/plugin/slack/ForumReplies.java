package io.deskbridge.plugin.slack;

import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.SupportDirectory.MessageFacts;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What comes back from the channel: a colleague's thread reply becomes an internal note (never a
 * message the customer sees) with the colleague's Slack name, and joins the forum memory; and the
 * memory's similar questions, on an agent's request, as a note too.
 */
final class ForumReplies {

  private static final String USER = "user";

  private final PluginContext context;
  private final SlackApi api;
  private final ForumMemory memory;

  ForumReplies(PluginContext context, SlackApi api, ForumMemory memory) {
    this.context = context;
    this.api = api;
    this.memory = memory;
  }

  void note(long conversationId, Map<String, String> reply) {
    String author = author(reply.get("user"));
    String text = reply.get("text");
    String prefix = reply.containsKey("edited") ? "#forum (edited) " : "#forum ";
    context.notes().addInternalNote(conversationId, prefix + author + ": " + text);
    memory.answer(conversationId, author, text);
  }

  void similar(long conversationId) {
    String words = context.directory().messages(conversationId, false).stream().map(MessageFacts::text)
        .collect(Collectors.joining(" ")) + " " + memory.question(conversationId).orElse("");
    List<ForumMemory.Entry> found = memory.similar(conversationId, words, 3);
    String text = found.isEmpty() ? "No similar question has been answered in #forum yet."
        : "Similar questions answered in #forum:\n" + found.stream()
            .map(e -> "• #" + e.conversationId() + " " + e.question() + "\n  → " + e.answers())
            .collect(Collectors.joining("\n"));
    context.notes().addInternalNote(conversationId, text);
  }

  /** users.info once per colleague; the name is kept in the module's mappings. */
  private String author(String userId) {
    return context.mappings().remoteId(USER, userId).orElseGet(() -> {
      String name = api.userName(userId).orElse(userId);
      context.mappings().remember(USER, userId, name);
      return name;
    });
  }
}
