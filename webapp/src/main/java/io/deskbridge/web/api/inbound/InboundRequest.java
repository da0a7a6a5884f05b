package io.deskbridge.web.api.inbound;

import io.deskbridge.core.channel.InboundCustomer;
import io.deskbridge.core.channel.InboundMessage;
import io.deskbridge.web.api.conversation.AttachmentRequest;
import java.util.List;

/** A customer's message as a channel posts it. */
public record InboundRequest(String channel, String externalMessageId, Customer customer, String text,
    List<AttachmentRequest> attachments) {

  public record Customer(String externalId, String name, String email, String phone, String language) {}

  InboundMessage toMessage() {
    InboundCustomer sender = customer == null ? null : new InboundCustomer(customer.externalId(),
        customer.name(), customer.email(), customer.phone(), customer.language());
    return new InboundMessage(channel, externalMessageId, sender, text, AttachmentRequest.toNew(attachments));
  }
}
