import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * Posts customer messages to Deskbridge's inbound API over HTTP on 127.0.0.1, as a channel gateway
 * would, and prints what it achieved: requests, errors, requests per second and latency percentiles.
 * Run with {@code java LoadGenerator.java} (Java 17, no dependencies).
 *
 * <p>A realistic mix: {@code existingShare} of the messages go to conversations that already exist
 * (customers {@code POOL-c0 .. POOL-c(existing-1)}, made by an earlier run whose RUN was POOL), the
 * rest start a new customer's conversation ({@code RUN-c0, RUN-c1, …}). Modes: {@code closed} (each
 * of {@code concurrency} workers sends its next message when the last is answered: the throughput the
 * server sustains), {@code rate:R} (R messages a second on a fixed schedule whatever the answers:
 * latency at a given load, measured from when each message was due, so a stalled server cannot hide
 * its queue), {@code floor} (closed loop of {@code GET /api/v1/auth/me}: what the server does per
 * second when a request stores nothing) and {@code floor-rate:R} (that request R times a second: the
 * latency of the cheapest request through the whole stack at a given load).
 *
 * <pre>
 * java LoadGenerator.java BASE TENANT TOKEN closed|rate:R|floor|floor-rate:R CONCURRENCY SECONDS POOL EXISTING EXISTING_SHARE RUN
 * </pre>
 * Output: one line of {@code key=value} pairs.
 */
public class LoadGenerator {

  public static void main(String[] args) throws Exception {
    if (args.length != 10) {
      System.err.println("usage: BASE TENANT TOKEN closed|rate:R|floor|floor-rate:R CONCURRENCY SECONDS POOL EXISTING EXISTING_SHARE RUN");
      System.exit(2);
    }
    String base = args[0];
    String tenant = args[1];
    String token = args[2];
    String mode = args[3];
    int concurrency = Integer.parseInt(args[4]);
    Duration length = Duration.ofSeconds(Long.parseLong(args[5]));
    String pool = args[6];
    int existing = Integer.parseInt(args[7]);
    double existingShare = Double.parseDouble(args[8]);
    String run = args[9];

    Inbound inbound = new Inbound(base, tenant, token, pool, existing, existingShare, run);
    // Each measurement is a new JVM: its first seconds (connections opened, code interpreted and
    // compiled on the cores the server needs) are the generator's cost, not the server's, and put
    // hundreds of milliseconds into the p99 even at 20 messages a second. A gateway runs for days.
    measure(mode, inbound, concurrency, SETTLE);
    System.out.println(measure(mode, inbound, concurrency, length).summary());
  }

  /** Sent the same way as the measurement and not counted. */
  static final Duration SETTLE = Duration.ofSeconds(5);

  static Results measure(String mode, Inbound inbound, int concurrency, Duration length)
      throws InterruptedException {
    int colon = mode.indexOf(':');
    String kind = colon < 0 ? mode : mode.substring(0, colon);
    return switch (kind) {
      case "rate" -> fixedRate(inbound::post, rateOf(mode, colon), concurrency, length);
      case "closed" -> closedLoop(inbound::post, concurrency, length);
      case "floor" -> closedLoop(inbound::whoAmI, concurrency, length);
      case "floor-rate" -> fixedRate(inbound::whoAmI, rateOf(mode, colon), concurrency, length);
      default -> throw new IllegalArgumentException("mode: closed, rate:R, floor or floor-rate:R, not " + mode);
    };
  }

  private static double rateOf(String mode, int colon) {
    return Double.parseDouble(mode.substring(colon + 1));
  }

  /** Each worker sends, waits for the answer, sends again, until the time is up. */
  static Results closedLoop(IntSupplier call, int concurrency, Duration length) throws InterruptedException {
    Results results = new Results();
    long end = System.nanoTime() + length.toNanos();
    CountDownLatch done = new CountDownLatch(concurrency);
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    long started = System.nanoTime();
    for (int w = 0; w < concurrency; w++) {
      workers.execute(() -> {
        try {
          while (System.nanoTime() < end) {
            long sent = System.nanoTime();
            results.record(call.getAsInt(), System.nanoTime() - sent);
          }
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    results.elapsedNanos = System.nanoTime() - started;
    workers.shutdown();
    return results;
  }

  /** Messages fall due every 1/rate seconds; each latency counts from when its message was due. */
  static Results fixedRate(IntSupplier call, double rate, int concurrency, Duration length)
      throws InterruptedException {
    Results results = new Results();
    long interval = (long) (1_000_000_000L / rate);
    long count = (long) (rate * length.toSeconds());
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    AtomicLong next = new AtomicLong();
    long started = System.nanoTime();
    CountDownLatch done = new CountDownLatch(concurrency);
    for (int w = 0; w < concurrency; w++) {
      workers.execute(() -> {
        try {
          for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            long due = started + i * interval;
            // Thread.sleep(millis, nanos) rounds up to a whole millisecond (JDK 17), and every late
            // wake-up would count as the server's latency; a park wakes within tens of microseconds.
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
              LockSupport.parkNanos(wait);
            }
            results.record(call.getAsInt(), System.nanoTime() - due);
          }
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    results.elapsedNanos = System.nanoTime() - started;
    workers.shutdown();
    return results;
  }

  /** The inbound API as a channel gateway calls it. */
  static final class Inbound {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final URI me;
    private final String token;
    private final String pool;
    private final String run;
    private final int existing;
    private final double existingShare;
    private final AtomicInteger fresh = new AtomicInteger();
    private final AtomicLong messages = new AtomicLong();

    Inbound(String base, String tenant, String token, String pool, int existing, double existingShare,
        String run) {
      this.uri = URI.create(base + "/api/v1/tenants/" + tenant + "/inbound/messages");
      this.me = URI.create(base + "/api/v1/auth/me");
      this.token = token;
      this.pool = pool;
      this.run = run;
      this.existing = existing;
      this.existingShare = existingShare;
    }

    /** @return the HTTP status, or 0 when the request failed without one */
    int post() {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      String customer = existing > 0 && random.nextDouble() < existingShare
          ? pool + "-c" + random.nextInt(existing)
          : run + "-c" + fresh.getAndIncrement();
      long message = messages.getAndIncrement();
      String body = "{\"channel\":\"api\",\"externalMessageId\":\"" + run + "-m" + message + "\","
          + "\"customer\":{\"externalId\":\"" + customer + "\",\"name\":\"Customer " + customer + "\"},"
          + "\"text\":\"Hello, my order " + message + " has not arrived yet. Could you check it, please?\"}";
      return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * The floor: the cheapest call that still goes through the whole stack (HTTP, JAX-RS, the token
     * looked up in the database, JSON out) and stores nothing.
     */
    int whoAmI() {
      return send(HttpRequest.newBuilder(me).GET());
    }

    /** @return the HTTP status, or 0 when the request failed without one */
    private int send(HttpRequest.Builder request) {
      try {
        return client.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
            .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (Exception e) {
        return 0;
      }
    }
  }

  /** Latencies of the answered (2xx) requests, and the count of the others. */
  static final class Results {
    private long[] latencies = new long[1 << 16];
    private int size;
    private int errors;
    long elapsedNanos;

    synchronized void record(int status, long nanos) {
      if (status < 200 || status >= 300) {
        errors++;
        return;
      }
      if (size == latencies.length) {
        latencies = Arrays.copyOf(latencies, size * 2);
      }
      latencies[size++] = nanos;
    }

    synchronized String summary() {
      long[] sorted = Arrays.copyOf(latencies, size);
      Arrays.sort(sorted);
      double seconds = elapsedNanos / 1e9;
      return String.format(Locale.ROOT, "ok=%d errors=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f"
              + " p99_ms=%.2f max_ms=%.2f", size, errors, seconds, size / seconds, percentile(sorted, 0.50),
          percentile(sorted, 0.90), percentile(sorted, 0.99), size == 0 ? 0 : sorted[size - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
      if (sorted.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
  }
}
