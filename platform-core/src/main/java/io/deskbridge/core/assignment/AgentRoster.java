package io.deskbridge.core.assignment;

import io.deskbridge.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/** The agents round-robin chooses from, read and claimed in the database itself. */
public interface AgentRoster {

  /** The tenant's agents who are online and active, with their departments, as committed now. */
  List<Candidate> onDuty(TenantId tenant);

  /**
   * Records that the candidate was just given a conversation, unless someone else gave them one
   * since the candidate was read (their last assignment is not the one read) or they went offline.
   * A successful claim holds the agent's row until the transaction ends, so a concurrent claim of
   * the same agent waits for it and then fails.
   */
  boolean claim(TenantId tenant, Candidate candidate, Instant at);
}
