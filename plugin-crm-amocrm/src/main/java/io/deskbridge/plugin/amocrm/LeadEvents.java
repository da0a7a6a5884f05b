package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.FormBody;
import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.PluginContext;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What amoCRM's account webhooks tell about leads Deskbridge created, once the call is verified:
 * stage changes and notes written by amoCRM users become internal notes on the linked conversation;
 * stage and budget are remembered for the customer card. amoCRM redelivers calls it thinks failed,
 * so each change and each note is written once.
 */
final class LeadEvents {

  /** amoCRM's type of a plain text note in webhooks (the API calls it "common"). */
  private static final String TEXT_NOTE = "4";
  /** The entity type of a lead in webhooks. */
  private static final String LEAD_ENTITY = "2";
  /** The end of every note Deskbridge writes (see {@link LeadSync}): such a note is our own echo. */
  private static final Pattern OUR_MARKER = Pattern.compile("\\[deskbridge [^\\]\\n]*\\]\\s*$");

  private final AmoCrmConfig config;
  private final PluginContext context;
  private final Mappings mappings;
  private final LeadMemory memory;

  LeadEvents(AmoCrmConfig config, PluginContext context) {
    this.config = config;
    this.context = context;
    this.mappings = context.mappings();
    this.memory = new LeadMemory(mappings);
  }

  void handle(FormBody form) {
    for (String event : new String[] {"leads[status]", "leads[update]", "leads[add]"}) {
      for (int i : form.indexes(event)) {
        String item = event + "[" + i + "]";
        leadState(form, item);
        if (event.equals("leads[status]")) {
          statusChanged(form, item);
        }
      }
    }
    for (int i : form.indexes("leads[note]")) {
      noteAdded(form, "leads[note][" + i + "][note]");
    }
  }

  private void leadState(FormBody form, String item) {
    Optional<Long> lead = number(form, item + "[id]");
    if (lead.isEmpty() || mappings.remoteId(LeadSync.LEAD, lead.get().toString()).isEmpty()) {
      return;
    }
    number(form, item + "[status_id]").ifPresent(stage -> memory.stage(lead.get(), stage));
    number(form, item + "[price]").ifPresent(price -> memory.price(lead.get(), price));
  }

  private void statusChanged(FormBody form, String item) {
    String leadId = form.get(item + "[id]").orElse("");
    String status = form.get(item + "[status_id]").orElse("?");
    String modifiedAt = form.get(item + "[last_modified]").or(() -> form.get(item + "[updated_at]")).orElse("");
    Optional<String> conversation = mappings.remoteId(LeadSync.LEAD, leadId);
    if (conversation.isEmpty()
        || !mappings.compareAndSet("lead-status", leadId + ":" + status + ":" + modifiedAt, null, "noted")) {
      return;
    }
    context.notes().addInternalNote(Long.parseLong(conversation.get()), "amoCRM: lead #" + leadId
        + " moved to stage " + named(status) + " (was " + named(form.get(item + "[old_status_id]").orElse("?"))
        + "). " + config.base() + "/leads/detail/" + leadId);
  }

  /** The id agents can look up, and the name they understand when the pipelines were read. */
  private String named(String stageId) {
    return stageId + memory.nameOf(stageId).map(name -> " “" + name + "”").orElse("");
  }

  /** A note an amoCRM user wrote on a linked lead: the agents should read it next to the chat. */
  private void noteAdded(FormBody form, String note) {
    String leadId = form.get(note + "[element_id]").orElse("");
    String noteId = form.get(note + "[id]").orElse("");
    String text = form.get(note + "[text]").orElse("");
    if (!form.get(note + "[element_type]").orElse(LEAD_ENTITY).equals(LEAD_ENTITY)
        || !form.get(note + "[note_type]").orElse(TEXT_NOTE).equals(TEXT_NOTE)
        || noteId.isEmpty() || text.isBlank() || OUR_MARKER.matcher(text).find()) {
      return;
    }
    Optional<String> conversation = mappings.remoteId(LeadSync.LEAD, leadId);
    if (conversation.isEmpty() || !mappings.compareAndSet("amo-note", noteId, null, "noted")) {
      return;
    }
    String author = form.get(note + "[created_by]").filter(s -> !s.isBlank() && !s.equals("0"))
        .map(id -> "amoCRM user #" + id).orElse("amoCRM");
    context.notes().addInternalNote(Long.parseLong(conversation.get()), author + " on lead #" + leadId + ":\n"
        + text + "\n" + config.base() + "/leads/detail/" + leadId);
  }

  private static Optional<Long> number(FormBody form, String key) {
    return form.get(key).filter(s -> s.matches("\\d{1,18}")).map(Long::parseLong);
  }
}
