package io.deskbridge.plugin.slack;

import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.SupportDirectory.ConversationFacts;
import io.deskbridge.core.plugin.spi.SupportDirectory.MessageFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks a conversation's question in the channel, once: an agent's own words ({@code slack-forum.ask})
 * or, when nobody answered in time, the customer's latest words. Marks the post answered when the
 * customer got an answer or the conversation was closed.
 */
final class Asking {

  private final SlackForumConfig config;
  private final PluginContext context;
  private final SlackApi api;
  private final ForumThreads threads;
  private final ForumMemory memory;

  Asking(SlackForumConfig config, PluginContext context, SlackApi api, ForumThreads threads, ForumMemory memory) {
    this.config = config;
    this.context = context;
    this.api = api;
    this.threads = threads;
    this.memory = memory;
  }

  /**
   * @param agentQuestion the agent's words, or empty to ask what the customer is waiting for
   * @param agentId the asking agent, or null when the module asks on its own
   */
  void ask(long conversationId, Optional<String> agentQuestion, Long agentId) {
    if (threads.postOf(conversationId).isPresent()) {
      return;
    }
    Optional<ConversationFacts> facts = context.directory().conversation(conversationId);
    String question = agentQuestion.filter(q -> !q.isBlank()).orElseGet(() -> customerQuestion(conversationId));
    Optional<String> claim = question.isBlank() ? Optional.empty() : threads.claim(conversationId);
    if (claim.isEmpty()) {
      return;
    }
    String shared = config.maskContacts() ? ContactMask.apply(question) : question;
    Optional<String> category = facts.flatMap(ConversationFacts::categoryId)
        .flatMap(context.directory()::categoryName);
    ForumPost post = new ForumPost(shared,
        facts.flatMap(ConversationFacts::customerPlan).filter(p -> config.sharePlan()), category,
        facts.filter(f -> config.shareCustomerName()).flatMap(f -> context.directory().customer(f.customerId()))
            .map(c -> c.name()),
        context.dialogLink(conversationId), conversationId,
        Optional.ofNullable(agentId).flatMap(context.directory()::agentName));
    SlackApi.Posted posted;
    try {
      posted = api.post(config.channelFor(category), post.fallbackText(), post.blocks());
    } catch (SlackCallFailed e) {
      threads.release(conversationId, claim.get());
      throw e;
    }
    // The thread first: a colleague may answer the moment the post appears in the channel.
    threads.posted(conversationId, new ForumThreads.Post(posted.channel(), posted.ts()));
    memory.asked(conversationId, shared);
  }

  /** Updates the post (✅ answered, by whom) and reacts, once per conversation. */
  void markAnswered(long conversationId, String by) {
    Optional<ForumThreads.Post> post = threads.postOf(conversationId);
    if (post.isEmpty() || threads.isAnswered(conversationId)) {
      return;
    }
    String question = memory.question(conversationId).orElse("");
    api.update(post.get().channel(), post.get().ts(), ":white_check_mark: Answered by " + by + ": " + question,
        ForumPost.answered(question, by, conversationId, context.dialogLink(conversationId)));
    api.react(post.get().channel(), post.get().ts(), "white_check_mark");
    threads.answered(conversationId, by);
  }

  /** The customer's messages since the last public agent message: what they are waiting for. */
  private String customerQuestion(long conversationId) {
    List<MessageFacts> messages = context.directory().messages(conversationId, false);
    List<String> waiting = new ArrayList<>();
    for (MessageFacts m : messages) {
      if ("agent".equals(m.author())) {
        waiting.clear();
      } else if ("customer".equals(m.author())) {
        waiting.add(m.text());
      }
    }
    return String.join("\n", waiting);
  }
}
