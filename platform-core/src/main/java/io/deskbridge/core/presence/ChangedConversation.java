package io.deskbridge.core.presence;

import java.time.Instant;

/** A conversation whose row changed (status, assignee, a new message) at {@code updatedAt}. */
public record ChangedConversation(long id, long version, Instant updatedAt) {}
