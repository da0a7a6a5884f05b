package io.deskbridge.web.api.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Routing and protocol errors (no such route, wrong method, wrong media type, too large). */
@Provider
@ApplicationScoped
public class HttpProblemMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    Problem problem;
    if (e instanceof NotFoundException) {
      problem = Problem.of(404, "no-such-route", "No such route", "There is no API endpoint at this address.");
    } else if (e instanceof NotAllowedException) {
      problem = Problem.of(405, "method-not-allowed", "Method not allowed",
          "This endpoint does not accept that HTTP method.");
    } else if (e instanceof NotSupportedException) {
      problem = Problem.of(415, "unsupported-media-type", "Unsupported media type",
          "Send the request body as application/json.");
    } else {
      Response.Status known = Response.Status.fromStatusCode(status);
      problem = Problem.of(status, codeOf(status), known == null ? "Error" : known.getReasonPhrase(),
          detailOf(e, status));
    }
    Response response = problem.toResponse();
    if (e instanceof NotAllowedException) {
      String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
      if (allow != null) {
        return Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
      }
    }
    return response;
  }

  private static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 406 -> "not-acceptable";
      case 413 -> "payload-too-large";
      default -> "http-" + status;
    };
  }

  /** Jersey's own messages may name internals (classes, parameters); only ours are passed on. */
  private static String detailOf(WebApplicationException e, int status) {
    if (status == 413) {
      return e.getMessage();
    }
    if (status == 400) {
      return "The request could not be read: check the query parameters and the body.";
    }
    return "The request could not be handled.";
  }
}
