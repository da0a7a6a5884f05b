package io.deskbridge.core.conversation;

import java.util.Set;

/**
 * An inbox query: the filters combine with AND; an empty status set means every status. {@code text}
 * finds conversations whose subject, or whose customer's name, email or phone, contains it (ignoring
 * case). Results come in {@code order} and continue from {@code cursor}, which must come from a page
 * of the same order.
 */
public record ConversationFilter(
    Set<ConversationStatus> statuses,
    AssigneeFilter assignee,
    Long departmentId,
    Long categoryId,
    String tag,
    Long customerId,
    String text,
    InboxOrder order,
    String cursor,
    int limit) {}
