package io.deskbridge.plugin.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One question as the channel sees it: the question, the customer's context the tenant allows to
 * share (plan, category, optionally the name), the link to the dialog and who asked. Never an
 * internal note, unless the agent wrote it into the question.
 *
 * @param askedBy the agent's name, or empty when the module asked because nobody answered in time
 */
record ForumPost(String question, Optional<String> plan, Optional<String> category,
    Optional<String> customer, String dialogLink, long conversationId, Optional<String> askedBy) {

  /** Slack truncates long texts; a question past this is cut so the link and context still show. */
  static final int MAX_QUESTION = 2800;

  String fallbackText() {
    return "Question from conversation #" + conversationId + ": " + shortQuestion();
  }

  List<LayoutBlock> blocks() {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("*Question:* " + escape(shortQuestion())))));
    blocks.add(context(c -> c.elements(List.of(markdownText(contextLine())))));
    blocks.add(section(s -> s.text(markdownText("<" + dialogLink + "|Open conversation #" + conversationId
        + "> · answer in this thread"))));
    blocks.add(context(c -> c.elements(List.of(markdownText(askedBy.map(a -> "Asked by " + escape(a))
        .orElse("Asked automatically: the customer is still waiting for an answer"))))));
    return blocks;
  }

  /** The post once the customer has an answer, so colleagues stop working on it. */
  static List<LayoutBlock> answered(String question, String by, long conversationId, String dialogLink) {
    return List.of(
        section(s -> s.text(markdownText(":white_check_mark: *Answered* by " + escape(by)))),
        section(s -> s.text(markdownText("*Question:* " + escape(question)))),
        context(c -> c.elements(List.of(markdownText("<" + dialogLink + "|Conversation #" + conversationId
            + ">")))));
  }

  private String contextLine() {
    List<String> parts = new ArrayList<>();
    plan.ifPresent(p -> parts.add("Plan: " + escape(p)));
    category.ifPresent(c -> parts.add("Category: " + escape(c)));
    customer.ifPresent(c -> parts.add("Customer: " + escape(c)));
    return parts.isEmpty() ? "No customer context shared" : String.join(" · ", parts);
  }

  private String shortQuestion() {
    return question.length() <= MAX_QUESTION ? question : question.substring(0, MAX_QUESTION - 1) + "…";
  }

  /** Slack's mrkdwn treats these three as control characters. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
