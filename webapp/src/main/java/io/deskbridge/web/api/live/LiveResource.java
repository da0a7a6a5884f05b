package io.deskbridge.web.api.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.presence.Presence;
import io.deskbridge.core.tenant.TenantId;
import io.deskbridge.web.security.Access;
import io.deskbridge.web.security.AccessLevel;
import io.deskbridge.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenants/{tenant}/live")
@RequestScoped
@Access(AccessLevel.STAFF)
@Tag(name = "Live", description = "What changed in the tenant, pushed to the agent app as it happens.")
public class LiveResource {

  private static final Logger LOG = Logger.getLogger(LiveResource.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Nothing to say for this long: a ping, which also finds out that the agent closed the tab. */
  private static final Duration PING = Duration.ofSeconds(15);
  /**
   * A stream ends after this long and the app opens a new one, so a revoked token or a deactivated
   * agent stops receiving within minutes rather than for as long as the tab stays open.
   */
  private static final Duration LIFETIME = Duration.ofMinutes(5);

  /** How long one event may take to go out before the stream is given up. */
  private static final Duration SEND_WAIT = Duration.ofSeconds(5);

  @Inject Presence presence;
  @Inject CurrentCaller caller;
  @Inject TenantFeeds feeds;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "Server-sent events for the agent app",
      description = "Every second the database is asked what changed (once per tenant and instance, for all its"
          + " streams), so the stream works whichever instance serves it: event \"update\" with conversations changed (id, version), new timeline entries (ids,"
          + " visibility, author, never the text) and, when it changes, who is typing where. Send the bearer"
          + " token in the Authorization header (read the stream with fetch). The stream ends after 5 minutes;"
          + " open a new one.")
  public void stream(@Context SseEventSink sink, @Context Sse sse) {
    TenantId tenant = caller.tenant();
    Instant ends = presence.now().plus(LIFETIME);
    AtomicReference<Instant> lastSent = new AtomicReference<>(Instant.now());
    send(sink, sse, "ready", "{}");
    feeds.follow(tenant, update -> {
      try {
        if (sink.isClosed() || presence.now().isAfter(ends)) {
          close(sink);
          return false;
        }
        if (!update.isEmpty()) {
          send(sink, sse, "update", JSON.writeValueAsString(LiveUpdateView.of(update)));
          lastSent.set(Instant.now());
        } else if (Duration.between(lastSent.get(), Instant.now()).compareTo(PING) > 0) {
          send(sink, sse, "ping", "{}");
          lastSent.set(Instant.now());
        }
        return true;
      } catch (JsonProcessingException | RuntimeException e) {
        LOG.log(Level.FINE, "Live stream ended", e);
        close(sink);
        return false;
      }
    });
  }

  /**
   * Streams of a tenant share one feed thread: a client that does not take an event within
   * {@link #SEND_WAIT} has its stream ended rather than holding up its colleagues' updates.
   */
  private static void send(SseEventSink sink, Sse sse, String name, String data) {
    try {
      sink.send(sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, data)
          .build()).toCompletableFuture().get(SEND_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending a live event", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("live event not taken", e);
    }
  }

  private static void close(SseEventSink sink) {
    try {
      sink.close();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Closing a live stream", e);
    }
  }
}
