package io.deskbridge.core.rules;

import io.deskbridge.core.shared.Validation;
import java.time.Duration;

/**
 * The workflow switches of a tenant: how long a closed conversation takes the customer's next message
 * back instead of opening a new one (zero: never), the saved reply sent when a conversation starts
 * waiting on a vendor (none: nothing is sent), round-robin assignment of new conversations among the
 * online agents of their department (off by default, handbook 001 has agents take chats themselves),
 * and the SLA policies for everyone and for our clients (none: the plan's, then the tenant's first).
 */
public record WorkflowOptions(Duration reopenWindow, Long vendorReplyId, boolean autoAssign,
    Long defaultPolicyId, Long ourClientsPolicyId) {

  public static final Duration MAX_REOPEN_WINDOW = Duration.ofDays(366);

  public WorkflowOptions {
    Validation validation = new Validation().required("reopenWindow", reopenWindow);
    if (reopenWindow != null) {
      validation.check(!reopenWindow.isNegative() && reopenWindow.compareTo(MAX_REOPEN_WINDOW) <= 0,
          "reopenWindow", "must be between PT0S and P366D");
    }
    validation.orThrow();
  }
}
