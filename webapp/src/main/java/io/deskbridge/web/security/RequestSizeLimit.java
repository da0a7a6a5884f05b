package io.deskbridge.web.security;

import io.deskbridge.web.bootstrap.DeskbridgeSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses bodies over the configured size with 413 before they are read into memory: by the declared
 * Content-Length when there is one, and by counting bytes for chunked uploads.
 */
@Provider
@ApplicationScoped
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimit implements ContainerRequestFilter {

  @Inject DeskbridgeSettings settings;

  @Override
  public void filter(ContainerRequestContext request) {
    long max = settings.maxRequestBytes();
    if (request.getLength() > max) {
      throw tooLarge(max);
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Bounded(request.getEntityStream(), max));
    }
  }

  static PayloadTooLargeException tooLarge(long max) {
    return new PayloadTooLargeException(max);
  }

  /** 413 with the limit, mapped to problem+json like every other error. */
  public static class PayloadTooLargeException extends jakarta.ws.rs.WebApplicationException {
    private final long limit;

    PayloadTooLargeException(long limit) {
      super("The request body is larger than " + limit + " bytes.", Response.Status.REQUEST_ENTITY_TOO_LARGE);
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }

  private static final class Bounded extends FilterInputStream {
    private final long max;
    private long read;

    Bounded(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = super.read(buffer, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) {
      read += n;
      if (read > max) {
        throw tooLarge(max);
      }
    }
  }
}
