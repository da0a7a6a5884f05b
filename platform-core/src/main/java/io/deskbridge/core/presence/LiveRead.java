package io.deskbridge.core.presence;

import java.time.Instant;
import java.util.List;

/**
 * One read of a tenant's live feed: what changed from some instant on, and who types {@code at} the
 * time of the read. Every live stream of the tenant on an instance is fed from the same read, each
 * through its own {@link LiveCursor}.
 */
public record LiveRead(List<ChangedConversation> conversations, List<NewMessage> messages, List<Typing> typing,
    Instant at) {}
