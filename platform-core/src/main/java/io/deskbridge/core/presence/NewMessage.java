package io.deskbridge.core.presence;

import java.time.Instant;

/**
 * A timeline entry as the live feed announces it: enough for the app to decide what to reload, never
 * the text, so a feed read by mistake leaks nothing.
 */
public record NewMessage(long id, long conversationId, String visibility, String authorType, Long authorAgentId,
    Instant createdAt) {}
