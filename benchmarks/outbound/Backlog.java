import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts a backlog of customer messages to Deskbridge's inbound API over HTTP on 127.0.0.1: CONVERSATIONS
 * customers ({@code RUN-c0 …}) each write MESSAGES messages, in order, so each customer has one
 * conversation; several customers are posted at once. Run with {@code java Backlog.java} (Java 17,
 * no dependencies).
 *
 * <pre>
 * java Backlog.java BASE TENANT TOKEN CONVERSATIONS MESSAGES CONCURRENCY RUN
 * </pre>
 * Output: one line of {@code key=value} pairs (ok, errors, seconds, rps).
 */
public class Backlog {

  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println("usage: BASE TENANT TOKEN CONVERSATIONS MESSAGES CONCURRENCY RUN");
      System.exit(2);
    }
    URI uri = URI.create(args[0] + "/api/v1/tenants/" + args[1] + "/inbound/messages");
    String token = args[2];
    int conversations = Integer.parseInt(args[3]);
    int messages = Integer.parseInt(args[4]);
    int concurrency = Integer.parseInt(args[5]);
    String run = args[6];
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    AtomicInteger nextCustomer = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    CountDownLatch done = new CountDownLatch(concurrency);
    long started = System.nanoTime();
    for (int w = 0; w < concurrency; w++) {
      workers.execute(() -> {
        try {
          for (int c = nextCustomer.getAndIncrement(); c < conversations; c = nextCustomer.getAndIncrement()) {
            for (int m = 0; m < messages; m++) {
              int status = post(client, uri, token, run + "-c" + c, run + "-c" + c + "-m" + m, m);
              (status >= 200 && status < 300 ? ok : errors).incrementAndGet();
            }
          }
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    workers.shutdown();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.println(String.format(Locale.ROOT, "ok=%d errors=%d seconds=%.2f rps=%.1f", ok.get(), errors.get(),
        seconds, ok.get() / seconds));
  }

  /** @return the HTTP status, or 0 when the request failed without one */
  static int post(HttpClient client, URI uri, String token, String customer, String messageId, int index) {
    String body = "{\"channel\":\"api\",\"externalMessageId\":\"" + messageId + "\","
        + "\"customer\":{\"externalId\":\"" + customer + "\",\"name\":\"Customer " + customer + "\"},"
        + "\"text\":\"Message " + messageId + ": my order has not arrived yet (" + index + ").\"}";
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return 0;
    }
  }
}
