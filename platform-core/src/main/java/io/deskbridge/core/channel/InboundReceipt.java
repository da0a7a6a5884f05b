package io.deskbridge.core.channel;

/** Where an inbound message landed; {@code created} is false when it was a redelivery. */
public record InboundReceipt(long conversationId, long messageId, long customerId, boolean created) {}
