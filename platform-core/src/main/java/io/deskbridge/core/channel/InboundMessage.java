package io.deskbridge.core.channel;

import io.deskbridge.core.conversation.NewAttachment;
import io.deskbridge.core.customer.CustomerProfile;
import io.deskbridge.core.shared.Validation;
import io.deskbridge.core.tenant.Language;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A customer's message as any channel delivers it. {@code externalMessageId} is the channel's own id
 * of the message: the same id delivered twice is one message.
 */
public record InboundMessage(
    String channel,
    String externalMessageId,
    InboundCustomer customer,
    String text,
    List<NewAttachment> attachments) {

  private static final Pattern CHANNEL = Pattern.compile("^[a-z0-9_-]{1,30}$");

  public InboundMessage {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  void validate() {
    Validation v = new Validation()
        .required("channel", channel)
        .check(channel == null || CHANNEL.matcher(channel).matches(), "channel",
            "must be 1-30 lower-case letters, digits, '-' or '_' (e.g. telegram, email, api)")
        .check(!io.deskbridge.core.conversation.Conversation.TRANSFER_CHANNEL.equals(channel), "channel",
            "is reserved for conversations transferred between departments")
        .required("externalMessageId", externalMessageId)
        .maxLength("externalMessageId", externalMessageId, 200)
        .required("customer", customer)
        .check((text != null && !text.isBlank()) || !attachments.isEmpty(), "text",
            "is required unless attachments are sent")
        .maxLength("text", text, 65536);
    if (customer != null) {
      v.required("customer.externalId", customer.externalId())
          .maxLength("customer.externalId", customer.externalId(), 200)
          .check(customer.language() == null || Language.fromCode(customer.language()).isPresent(),
              "customer.language", "must be ru or en");
    }
    v.orThrow();
    if (customer != null) {
      profile().validate("customer.");
    }
  }

  CustomerProfile profile() {
    return new CustomerProfile(customer.name(), customer.email(), customer.phone(),
        Language.fromCode(customer.language()).orElse(null), null, null, null, null);
  }
}
