package io.deskbridge.core.conversation;

import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Messages the system sends the customer by itself ("is your question still relevant?", "we are
 * waiting for the vendor"). They are public but no agent's reply: they stop no SLA timer and do not
 * restart the auto-close silence.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SystemNotices {

  private final MessageRepository messages;
  private final Outbox outbox;

  @Inject
  public SystemNotices(MessageRepository messages, Outbox outbox) {
    this.messages = messages;
    this.outbox = outbox;
  }

  protected SystemNotices() {
    this(null, null);
  }

  public PublicMessage send(Conversation conversation, String text, Instant at) {
    PublicMessage notice = PublicMessage.systemNotice(conversation, text, at);
    messages.add(notice);
    outbox.publish(new MessageAdded(notice.tenantId().value(), notice.conversationId(), notice.id(),
        Visibility.PUBLIC, AuthorType.SYSTEM, null, notice.text(), at));
    return notice;
  }
}
