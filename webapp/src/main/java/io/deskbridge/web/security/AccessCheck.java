package io.deskbridge.web.security;

import io.deskbridge.core.access.ApiKeyScope;
import io.deskbridge.core.access.Caller;
import io.deskbridge.core.access.InvalidCredentialsException;
import io.deskbridge.core.agent.Role;
import io.deskbridge.core.shared.ForbiddenException;
import io.deskbridge.core.shared.NotFoundException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Enforces {@link Access} and tenant isolation. A tenant's credential used on another tenant's path
 * answers 404, exactly as for a tenant that does not exist, so nothing leaks about other tenants.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION)
public class AccessCheck implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Inject CurrentCaller current;

  @Override
  public void filter(ContainerRequestContext request) {
    AccessLevel level = levelOf(resource);
    if (level == AccessLevel.ANONYMOUS) {
      return;
    }
    if (!current.isPresent()) {
      throw InvalidCredentialsException.badToken();
    }
    Caller caller = current.get();
    if (level == AccessLevel.AUTHENTICATED) {
      return;
    }
    if (level == AccessLevel.PLATFORM) {
      if (!caller.isPlatformAdmin()) {
        throw new ForbiddenException("Only the platform admin token may manage tenants.");
      }
      return;
    }
    String slug = request.getUriInfo().getPathParameters().getFirst("tenant");
    if (caller.isPlatformAdmin()) {
      throw new ForbiddenException("The platform admin token cannot act inside a tenant; log in as its admin.");
    }
    if (slug == null || !caller.belongsTo(slug)) {
      throw new NotFoundException("Tenant", slug);
    }
    if (!allows(level, caller)) {
      throw new ForbiddenException("Your role does not allow this action.");
    }
  }

  static boolean allows(AccessLevel level, Caller caller) {
    return switch (level) {
      case ANONYMOUS, AUTHENTICATED, INBOUND -> true;
      case STAFF -> caller.isAgent() || caller.hasFullKey();
      case INTEGRATOR -> caller.hasRole(Role.ADMIN) || caller.hasRole(Role.INTEGRATOR)
          || caller.keyScope() == ApiKeyScope.FULL;
      case ADMIN -> caller.hasRole(Role.ADMIN);
      case PLATFORM -> caller.isPlatformAdmin();
    };
  }

  private static AccessLevel levelOf(ResourceInfo info) {
    Access onMethod = info.getResourceMethod() == null ? null
        : info.getResourceMethod().getAnnotation(Access.class);
    if (onMethod != null) {
      return onMethod.value();
    }
    Access onClass = info.getResourceClass() == null ? null
        : info.getResourceClass().getAnnotation(Access.class);
    if (onClass != null) {
      return onClass.value();
    }
    return AccessLevel.PLATFORM;
  }
}
