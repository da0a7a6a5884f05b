package io.deskbridge.web.widget;

import io.deskbridge.web.api.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 429 as problem+json, with Retry-After so the widget knows when to send again. */
@Provider
@ApplicationScoped
public class RateLimitProblemMapper implements ExceptionMapper<RateLimitExceeded> {

  @Override
  public Response toResponse(RateLimitExceeded e) {
    Response problem = Problem.of(429, "rate-limited", "Too many requests", e.getMessage())
        .with("limitPerMinute", e.limit())
        .with("retryAfter", e.retryAfterSeconds())
        .toResponse();
    return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
  }
}
