package io.deskbridge.core.channel;

/** How the channel identifies the sender, plus whatever contact details it knows. */
public record InboundCustomer(String externalId, String name, String email, String phone, String language) {}
