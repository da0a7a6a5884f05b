package io.deskbridge.web.api.problem;

import io.deskbridge.core.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns the domain's broken rules into problem documents; the only place that knows the statuses. */
@Provider
@ApplicationScoped
public class DomainProblemMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException e) {
    int status = switch (e.kind()) {
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case RULE_VIOLATION -> 422;
      case INVALID -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
    };
    Response response = Problem.of(status, e.code(), Problem.titleOf(e.code()), e.getMessage())
        .with(e.details())
        .toResponse();
    if (status == 401) {
      return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
    return response;
  }
}
