package io.deskbridge.web.api.problem;

import io.deskbridge.core.shared.ConflictException;
import io.deskbridge.core.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: anything not mapped elsewhere. Exceptions arriving wrapped (by a transaction
 * interceptor, say) are unwrapped to their domain cause first; a concurrent update that lost the
 * optimistic lock is a 409; the rest is logged once with a correlation id and answered with a 500
 * that reveals nothing internal.
 */
@Provider
@ApplicationScoped
public class UnexpectedProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class.getName());

  private final DomainProblemMapper domain = new DomainProblemMapper();
  private final HttpProblemMapper http = new HttpProblemMapper();

  @Override
  public Response toResponse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DomainException d) {
        return domain.toResponse(d);
      }
      if (t instanceof WebApplicationException w) {
        return http.toResponse(w);
      }
      if (t instanceof OptimisticLockException
          || t instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
        return domain.toResponse(new ConflictException("stale-version",
            "Someone else changed this at the same time; reload it and try again."));
      }
    }
    String correlationId = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, correlation id " + correlationId, e);
    return Problem.of(500, "internal-error", "Internal error",
            "Something went wrong on our side. Quote correlation id " + correlationId + " to support.")
        .with("correlationId", correlationId)
        .toResponse();
  }
}
