package io.deskbridge.core.conversation;

import java.time.Instant;

/** When someone wrote publicly in a conversation: one point of its SLA timeline. */
public record MessageTime(long conversationId, AuthorType author, Instant at) {}
