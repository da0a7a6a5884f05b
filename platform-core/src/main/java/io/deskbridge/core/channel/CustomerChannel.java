package io.deskbridge.core.channel;

import io.deskbridge.core.conversation.PublicMessage;
import io.deskbridge.core.customer.Customer;

/**
 * Carries what the customer should see out through one channel (Telegram, email, the widget…).
 * Implemented by channel modules. It accepts a {@link PublicMessage} only: an internal note is a
 * different type, so handing one to a channel does not compile.
 */
public interface CustomerChannel {

  /** The channel type this sender serves, as stored on conversations (e.g. "telegram"). */
  String type();

  /** Delivers one message to the customer; called outside the agent's transaction. */
  void send(Customer customer, PublicMessage message);
}
