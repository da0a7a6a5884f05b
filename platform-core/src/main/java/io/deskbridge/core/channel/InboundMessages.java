package io.deskbridge.core.channel;

import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;

/**
 * The entry point for channels. A message is first stored without looking for an earlier delivery of
 * it: nearly every message is new, and the database's unique keys refuse a copy. A redelivery, or the
 * loser of a race (two deliveries of one message, two first messages of a new customer), is retried
 * in a fresh transaction that looks first, finds the winner's rows and answers as a redelivery.
 */
@ApplicationScoped
public class InboundMessages {

  private final InboundMessageService service;

  @Inject
  public InboundMessages(InboundMessageService service) {
    this.service = service;
  }

  protected InboundMessages() {
    this(null);
  }

  private static final int ATTEMPTS = 3;

  public InboundReceipt receive(TenantId tenant, InboundMessage inbound) {
    for (int attempt = 1; ; attempt++) {
      try {
        return service.receive(tenant, inbound, attempt > 1);
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS || !isUniqueViolation(e)) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  /** Gives the winning transaction a moment to commit, so the retry can see its rows. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(20L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
