package io.deskbridge.web.security;

import io.deskbridge.core.access.AccessService;
import io.deskbridge.core.access.Caller;
import io.deskbridge.core.access.InvalidCredentialsException;
import io.deskbridge.core.access.PlatformAdminToken;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Turns the {@code Authorization: Bearer} header into a {@link Caller}: the platform admin token,
 * an agent's login token or an API key. A header that is present but wrong is refused at once; a
 * missing one leaves the request anonymous for {@link AccessCheck} to judge.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

  private static final String SCHEME = "Bearer ";

  @Inject AccessService access;
  @Inject PlatformAdminToken platformAdmin;
  @Inject CurrentCaller current;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return;
    }
    if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw InvalidCredentialsException.badToken();
    }
    String token = header.substring(SCHEME.length()).trim();
    current.set(resolve(token).orElseThrow(InvalidCredentialsException::badToken));
  }

  private Optional<Caller> resolve(String token) {
    if (token.isEmpty()) {
      return Optional.empty();
    }
    // Agents and keys call far more often than the operator: their lookup goes first, and the
    // admin token (any string the operator chose) is compared only when no agent or key matched.
    Optional<Caller> caller = access.authenticate(token);
    if (caller.isPresent()) {
      return caller;
    }
    return platformAdmin.accepts(token) ? Optional.of(Caller.platformAdmin()) : Optional.empty();
  }
}
