package io.deskbridge.web.api.conversation;

import io.deskbridge.core.conversation.AssigneeFilter;
import io.deskbridge.core.conversation.ConversationFilter;
import io.deskbridge.core.conversation.ConversationStatus;
import io.deskbridge.core.conversation.InboxOrder;
import io.deskbridge.core.shared.PageLimit;
import io.deskbridge.core.shared.Validation;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the inbox's query string into a filter, with a 400 naming any parameter it cannot read. */
record InboxQuery(List<String> status, String assignee, String department, String category, String tag,
    String customer, String q, String sort, String limit, String cursor) {

  /** The longest search text: enough for an email address or a subject's words. */
  static final int MAX_SEARCH = 100;

  ConversationFilter toFilter(Long me) {
    Validation v = new Validation();
    Set<ConversationStatus> statuses = EnumSet.noneOf(ConversationStatus.class);
    for (String part : status) {
      for (String s : part.split(",")) {
        if (s.isBlank()) continue;
        try {
          statuses.add(ConversationStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          v.check(false, "status", "must be one of " + List.of(ConversationStatus.values()));
        }
      }
    }
    AssigneeFilter assigneeFilter = AssigneeFilter.any();
    if (assignee != null && !assignee.isBlank()) {
      String a = assignee.trim();
      if (a.equals("me")) {
        v.check(me != null, "assignee", "'me' needs an agent's token");
        assigneeFilter = me == null ? assigneeFilter : AssigneeFilter.agent(me);
      } else if (a.equals("none")) {
        assigneeFilter = AssigneeFilter.none();
      } else {
        Long id = number(v, "assignee", a, "must be me, none or an agent id");
        assigneeFilter = id == null ? assigneeFilter : AssigneeFilter.agent(id);
      }
    }
    Long departmentId = number(v, "department", department, "must be a department id");
    Long categoryId = number(v, "category", category, "must be a category id");
    Long customerId = number(v, "customer", customer, "must be a customer id");
    String text = q == null || q.isBlank() ? null : q.trim();
    v.check(text == null || text.length() <= MAX_SEARCH, "q", "must be at most " + MAX_SEARCH + " characters");
    InboxOrder order = order(v);
    v.orThrow();
    int pageSize = PageLimit.parse(limit);
    return new ConversationFilter(statuses, assigneeFilter, departmentId, categoryId, tag, customerId, text, order,
        cursor == null || cursor.isBlank() ? null : cursor, pageSize);
  }

  /** "updated" (the default: newest activity first) or "queue" (our clients, priority, oldest). */
  private InboxOrder order(Validation v) {
    if (sort == null || sort.isBlank()) {
      return InboxOrder.UPDATED;
    }
    return switch (sort.trim().toLowerCase(Locale.ROOT)) {
      case "updated" -> InboxOrder.UPDATED;
      case "queue" -> InboxOrder.QUEUE;
      default -> {
        v.check(false, "sort", "must be updated or queue");
        yield InboxOrder.UPDATED;
      }
    };
  }

  private static Long number(Validation v, String field, String value, String message) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      v.check(false, field, message);
      return null;
    }
  }
}
