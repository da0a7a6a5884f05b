package io.deskbridge.core.sla;

import java.time.Instant;

/**
 * A conversation's SLA as evaluated at {@code timers.evaluatedAt()}: the policy that times it, the
 * customer's plan (null without one) and when that plan promises a specialist engages (null likewise).
 */
public record ConversationSlaStatus(long policyId, String policyName, String planName, Instant engageBy,
    SlaTimers timers) {}
