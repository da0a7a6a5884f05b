package io.deskbridge.core.presence;

import java.time.Instant;

/** An agent writing in a conversation until {@code until}, unless they keep typing. */
public record Typing(long conversationId, long agentId, String agentName, Instant until) {}
