package io.deskbridge.web.api.live;

import io.deskbridge.core.presence.LiveCursor;
import io.deskbridge.core.presence.LiveRead;
import io.deskbridge.core.presence.LiveUpdate;
import io.deskbridge.core.presence.Presence;
import io.deskbridge.core.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live feed of each tenant with agents connected to this instance: one read of the database per
 * tenant and round, handed to every stream of that tenant here, so a hundred agents of a tenant cost
 * the database what one costs. Each stream keeps its own cursor and is told only what it was not told
 * yet. The reads still go to the database, so what another instance took in reaches these streams too.
 */
@ApplicationScoped
public class TenantFeeds {

  private static final Logger LOG = Logger.getLogger(TenantFeeds.class.getName());
  static final Duration ROUND = Duration.ofSeconds(1);

  @Inject Presence presence;
  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<TenantId, Feed> feeds = new ConcurrentHashMap<>();

  /** What a stream does with each round; false when it has ended and wants no more rounds. */
  interface Follower {
    boolean take(LiveUpdate update);
  }

  void follow(TenantId tenant, Follower follower) {
    feeds.compute(tenant, (t, feed) -> {
      Feed running = feed == null ? new Feed(t) : feed;
      running.followers.add(new Following(follower, new LiveCursor(presence.now())));
      return running;
    });
  }

  /** Streams of the tenant this instance serves now. */
  int following(TenantId tenant) {
    Feed feed = feeds.get(tenant);
    return feed == null ? 0 : feed.followers.size();
  }

  private record Following(Follower follower, LiveCursor cursor) {}

  private final class Feed implements Runnable {

    private final TenantId tenant;
    private final List<Following> followers = new CopyOnWriteArrayList<>();
    private final ScheduledFuture<?> loop;
    private Instant lastRead;

    Feed(TenantId tenant) {
      this.tenant = tenant;
      this.lastRead = presence.now();
      this.loop = scheduler.scheduleWithFixedDelay(this, ROUND.toMillis(), ROUND.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
      try {
        LiveRead read = presence.read(tenant, lastRead.minus(LiveCursor.OVERLAP));
        lastRead = read.at();
        for (Following following : followers) {
          if (!following.follower().take(following.cursor().advance(read))) {
            followers.remove(following);
          }
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Live feed round of tenant " + tenant.value() + " failed; next round in " + ROUND, e);
      } finally {
        // The last stream gone: the feed stops, unless a new stream joined meanwhile (same map key, so
        // joining and stopping never interleave).
        feeds.computeIfPresent(tenant, (t, feed) -> {
          if (feed == this && followers.isEmpty()) {
            loop.cancel(false);
            return null;
          }
          return feed;
        });
      }
    }
  }
}
