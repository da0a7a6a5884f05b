package io.deskbridge.core.conversation;

import java.util.Set;

/**
 * An inbox query: the filters combine with AND; an empty status set means every status. Results are
 * newest-updated first and continue from {@code cursor}.
 */
public record ConversationFilter(
    Set<ConversationStatus> statuses,
    AssigneeFilter assignee,
    Long departmentId,
    Long categoryId,
    String tag,
    Long customerId,
    String cursor,
    int limit) {}
