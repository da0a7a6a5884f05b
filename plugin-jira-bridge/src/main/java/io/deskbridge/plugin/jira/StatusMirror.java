package io.deskbridge.plugin.jira;

import io.deskbridge.core.plugin.spi.PluginContext;
import java.util.Optional;

/**
 * Carries an issue's status onto its conversation: the conversation's link shows it, agents get an
 * internal note, and entering the configured category (by default {@code done}, whatever the status
 * is called) wakes the conversation so its agent answers the customer.
 */
final class StatusMirror {

  private final IssueLinks links;
  private final JiraConfig config;
  private final PluginContext context;

  StatusMirror(IssueLinks links, JiraConfig config, PluginContext context) {
    this.links = links;
    this.config = config;
    this.context = context;
  }

  /** Repeats of the same change (Jira retries webhooks, polling sees it again) change nothing. */
  void apply(long conversationId, String issueKey, IssueStatus current) {
    Optional<IssueStatus> previous = links.status(issueKey);
    if (previous.filter(current::equals).isPresent() || !links.changeStatus(issueKey, previous, current)) {
      return;
    }
    String wakeOn = config.wakeOnStatusCategory();
    boolean reached = current.category().equals(wakeOn)
        && previous.map(p -> !p.category().equals(wakeOn)).orElse(true);
    String moved = "Jira " + issueKey + " moved to " + current.name()
        + previous.map(p -> " (from " + p.name() + ")").orElse("");
    if (reached) {
      context.wake().wake(conversationId, moved + ". The Jira side is finished: answer the customer. "
          + config.browseUrl(issueKey));
    } else {
      context.notes().addInternalNote(conversationId, moved + ".");
    }
  }
}
