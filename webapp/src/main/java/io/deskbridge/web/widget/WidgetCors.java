package io.deskbridge.web.widget;

import io.deskbridge.core.tenant.TenantService;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.widget.WidgetDisabledException;
import io.deskbridge.core.widget.WidgetSettings;
import io.deskbridge.web.api.problem.DomainProblemMapper;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Cross-origin access for the widget API only: the widget runs on the tenant's own site, so its
 * requests come from that site's origin. Preflights are answered here; a site that is not among the
 * tenant's {@code widget.allowedOrigins} gets 403 and no CORS headers. The rest of the API stays
 * same-origin: staff tokens are never meant to be used from someone else's page.
 */
@Provider
@ApplicationScoped
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class WidgetCors implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String ALLOWED = "deskbridge.widget.origin-allowed";

  @Inject TenantService tenants;
  @Inject DomainProblemMapper problems;

  @Override
  public void filter(ContainerRequestContext request) {
    String origin = request.getHeaderString("Origin");
    String slug = widgetTenant(request.getUriInfo().getPath());
    if (slug == null || origin == null) {
      return;
    }
    if (!allows(slug, origin)) {
      request.abortWith(problems.toResponse(WidgetDisabledException.originNotAllowed(origin)));
      return;
    }
    request.setProperty(ALLOWED, origin);
    if (HttpMethod.OPTIONS.equals(request.getMethod())) {
      request.abortWith(Response.noContent()
          .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
          .header("Access-Control-Allow-Headers", "Content-Type, " + WidgetResource.VISITOR_HEADER)
          .header("Access-Control-Max-Age", "600")
          .build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object origin = request.getProperty(ALLOWED);
    if (origin == null) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    // The origin is echoed rather than "*" so that a tenant's list is what the browser enforces.
    headers.putSingle("Access-Control-Allow-Origin", origin);
    headers.add("Vary", "Origin");
    headers.putSingle("Access-Control-Expose-Headers", "Retry-After");
  }

  /** An unknown tenant passes here and gets its 404 from the resource, readable by the widget. */
  private boolean allows(String slug, String origin) {
    try {
      return WidgetSettings.of(tenants.get(slug)).allows(origin);
    } catch (NotFoundException e) {
      return true;
    }
  }

  /** "widget/acme/messages" is tenant "acme"'s; every other path is not the widget's. */
  static String widgetTenant(String path) {
    List<String> parts = List.of(path.replaceFirst("^/+", "").split("/"));
    return parts.size() >= 2 && parts.get(0).equals("widget") && !parts.get(1).isBlank() ? parts.get(1) : null;
  }
}
