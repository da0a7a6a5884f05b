package io.deskbridge.core.conversation;

import io.deskbridge.core.plugin.ModuleRuntime;
import io.deskbridge.core.plugin.spi.ConversationNotes;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Lets a module write internal notes into its own tenant's conversations (a Jira comment, a CRM stage
 * change). Only notes: the type offers no way to write something a customer sees.
 */
@ApplicationScoped
public class ModuleNotes implements ModuleRuntime.ConversationNotesPort {

  private final TimelineService timeline;

  @Inject
  public ModuleNotes(TimelineService timeline) {
    this.timeline = timeline;
  }

  protected ModuleNotes() {
    this(null);
  }

  @Override
  public ConversationNotes forTenant(TenantId tenant) {
    return (conversationId, text) -> {
      try {
        timeline.addInternalNote(tenant, conversationId, null, text, List.of());
        return true;
      } catch (NotFoundException e) {
        return false;
      }
    };
  }
}
