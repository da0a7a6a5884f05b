package io.deskbridge.core.plugin.spi;

import java.util.Optional;

/**
 * Lets a module that carries a conversation into a vendor's own chat (amoCRM's chat inbox, a
 * Bitrix24 open line) bring the answers written there back as public replies, which Deskbridge
 * then delivers to the customer on the conversation's channel. The reply is marked as the module's,
 * so the module can recognise its {@code message.created} event and not send it back.
 */
public interface CustomerReplies {

  /** What became of a reply: the message it is now, or why the conversation did not take it. */
  record Receipt(Optional<Long> messageId, String refusal) {

    public static Receipt posted(long messageId) {
      return new Receipt(Optional.of(messageId), null);
    }

    public static Receipt refused(String why) {
      return new Receipt(Optional.empty(), why);
    }

    public boolean isPosted() {
      return messageId.isPresent();
    }
  }

  /** For contexts built without the platform: every reply is refused with the reason. */
  CustomerReplies NONE = (conversationId, vendorMessageId, authorName, text) ->
      Receipt.refused("this module instance cannot post replies");

  /**
   * Posts the reply on the conversation of the module's tenant. Idempotent per {@code vendorMessageId}:
   * a repeat returns the message the first call created.
   *
   * @return refused when the conversation does not exist in the tenant or is closed
   */
  Receipt post(long conversationId, String vendorMessageId, String authorName, String text);
}
