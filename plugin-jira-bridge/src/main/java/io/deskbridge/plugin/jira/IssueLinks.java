package io.deskbridge.plugin.jira;

import io.deskbridge.core.plugin.spi.Mappings;
import java.util.Optional;

/**
 * Which issue a conversation is escalated to, both ways, and the issue's last known status, kept in
 * the module's mappings. Mappings cannot be deleted, so an unlinked side points at {@code none}.
 */
final class IssueLinks {

  private static final String ISSUE = "issue";
  private static final String CONVERSATION = "issue-conversation";
  private static final String STATUS = "issue-status";
  private static final String NONE = "none";

  private final Mappings mappings;

  IssueLinks(Mappings mappings) {
    this.mappings = mappings;
  }

  Optional<String> issueOf(long conversationId) {
    return mappings.remoteId(ISSUE, Long.toString(conversationId)).filter(k -> !NONE.equals(k));
  }

  Optional<Long> conversationOf(String issueKey) {
    return mappings.remoteId(CONVERSATION, issueKey).filter(c -> !NONE.equals(c)).map(Long::parseLong);
  }

  /** The conversation side last: a webhook for the issue finds the conversation only once both exist. */
  void link(long conversationId, String issueKey) {
    mappings.remember(CONVERSATION, issueKey, Long.toString(conversationId));
    mappings.remember(ISSUE, Long.toString(conversationId), issueKey);
  }

  void unlink(long conversationId, String issueKey) {
    mappings.remember(ISSUE, Long.toString(conversationId), NONE);
    mappings.remember(CONVERSATION, issueKey, NONE);
  }

  Optional<IssueStatus> status(String issueKey) {
    return mappings.remoteId(STATUS, issueKey).flatMap(IssueStatus::parse);
  }

  /**
   * Records the status unless another delivery of the same change got there first.
   *
   * @return true when this call changed it (so this call alone reports the change)
   */
  boolean changeStatus(String issueKey, Optional<IssueStatus> previous, IssueStatus current) {
    return mappings.compareAndSet(STATUS, issueKey, previous.map(IssueStatus::stored).orElse(null),
        current.stored());
  }

  void rememberStatus(String issueKey, IssueStatus status) {
    mappings.remember(STATUS, issueKey, status.stored());
  }
}
