package io.deskbridge.web.security;

import io.deskbridge.core.access.Caller;
import io.deskbridge.core.shared.ForbiddenException;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set by {@link BearerAuthentication}. */
@RequestScoped
public class CurrentCaller {

  private Caller caller;

  void set(Caller caller) {
    this.caller = caller;
  }

  public Caller get() {
    return caller;
  }

  public boolean isPresent() {
    return caller != null;
  }

  /** The tenant of the request; the access check already made sure it is the one in the path. */
  public TenantId tenant() {
    return caller.tenant();
  }

  /** The agent acting, or {@code null} for an API key. */
  public Long agentId() {
    return caller.agentId();
  }

  /** For actions only a person can take, such as "assign to me". */
  public long requireAgent() {
    if (caller.agentId() == null) {
      throw new ForbiddenException("This action needs an agent's token, not an API key.");
    }
    return caller.agentId();
  }
}
