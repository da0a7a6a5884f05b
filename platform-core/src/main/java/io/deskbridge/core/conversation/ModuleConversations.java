package io.deskbridge.core.conversation;

import io.deskbridge.core.outbox.ModuleJobQueue;
import io.deskbridge.core.plugin.ModuleRuntime;
import io.deskbridge.core.plugin.spi.ConversationNotes;
import io.deskbridge.core.plugin.spi.ConversationWake;
import io.deskbridge.core.plugin.spi.CustomerReplies;
import io.deskbridge.core.plugin.spi.ModuleJobs;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What a module may write into its own tenant's conversations: internal notes (a Jira comment, a CRM
 * stage change), public replies written in the vendor's own chat, and jobs for itself. Notes and
 * replies are separate ports, so a module holding one cannot write the other by mistake.
 */
@ApplicationScoped
public class ModuleConversations implements ModuleRuntime.ConversationPort {

  private final TimelineService timeline;
  private final ModuleJobQueue jobQueue;
  private final ConversationService conversations;

  @Inject
  public ModuleConversations(TimelineService timeline, ModuleJobQueue jobQueue,
      ConversationService conversations) {
    this.conversations = conversations;
    this.timeline = timeline;
    this.jobQueue = jobQueue;
  }

  protected ModuleConversations() {
    this(null, null, null);
  }

  @Override
  public ConversationNotes notes(TenantId tenant) {
    return (conversationId, text) -> {
      try {
        timeline.addInternalNote(tenant, conversationId, null, text, List.of());
        return true;
      } catch (NotFoundException e) {
        return false;
      }
    };
  }

  @Override
  public CustomerReplies replies(TenantId tenant, String moduleId) {
    return (conversationId, vendorMessageId, authorName, text) -> {
      try {
        return CustomerReplies.Receipt.posted(
            timeline.externalReply(tenant, conversationId, moduleId, vendorMessageId, authorName, text).id());
      } catch (NotFoundException e) {
        return CustomerReplies.Receipt.refused("conversation " + conversationId + " does not exist in Deskbridge");
      } catch (ConversationRuleException e) {
        return CustomerReplies.Receipt.refused(e.getMessage());
      }
    };
  }

  @Override
  public ModuleJobs jobs(TenantId tenant, String moduleId) {
    return (conversationId, kind, input) -> jobQueue.enqueue(tenant, moduleId, conversationId, kind, input);
  }

  /**
   * Back to OPEN first, then the reason as an internal note: the note is what tells the assigned
   * agent why the conversation is in their queue again.
   */
  @Override
  public ConversationWake wake(TenantId tenant) {
    return (conversationId, reason) -> {
      try {
        conversations.wakeUp(tenant, conversationId);
        timeline.addInternalNote(tenant, conversationId, null, reason, List.of());
        return true;
      } catch (NotFoundException e) {
        return false;
      }
    };
  }
}
