import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.deskbridge.plugin.amocrm.FakeAmoCrm;
import io.deskbridge.plugin.bitrix.FakeBitrix24;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * One vendor fake of the module tests (FakeAmoCrm or FakeBitrix24, unchanged: same limits, same
 * answers) on 127.0.0.1 in its own JVM, with a control port for the benchmark script. Run with the
 * plugins' test classes and Jackson on the class path:
 *
 * <pre>
 * java -cp CLASSPATH FakeVendors.java amocrm|bitrix24
 * </pre>
 *
 * It prints one line, {@code url=… token=… control=…} (the module's base URL, the long-lived token
 * for amoCRM or {@code -}, and the control URL), then serves until {@code GET /stop}.
 * {@code GET /mark} starts a measurement; {@code GET /counts} answers one line of {@code key=value}
 * about the requests since the mark: how many reached the fake, how many it refused for its rate
 * limit (amoCRM 429, Bitrix24 QUERY_LIMIT_EXCEEDED), the first and last arrival, the most in any one
 * second, and the notes or timeline comments stored (all, and distinct texts: a doubled message
 * shows as a difference).
 */
public class FakeVendors {

  /** What the script reads from a fake; times are {@link System#nanoTime()}. */
  interface Vendor extends AutoCloseable {
    String url();

    String token();

    List<Long> requestTimes();

    int refused();

    /** The texts of every note or comment stored, over all leads and deals. */
    List<String> stored();

    String extra();

    @Override
    void close();
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1 || !Set.of("amocrm", "bitrix24").contains(args[0])) {
      System.err.println("usage: FakeVendors amocrm|bitrix24");
      System.exit(2);
    }
    Vendor vendor = args[0].equals("amocrm") ? amoCrm() : bitrix24();
    CountDownLatch stopped = new CountDownLatch(1);
    Mark mark = new Mark();
    HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    control.createContext("/mark", exchange -> answer(exchange, mark.set(vendor)));
    control.createContext("/counts", exchange -> answer(exchange, mark.counts(vendor)));
    control.createContext("/stop", exchange -> {
      answer(exchange, "stopping");
      stopped.countDown();
    });
    control.start();
    System.out.println("url=" + vendor.url() + " token=" + vendor.token() + " control=http://127.0.0.1:"
        + control.getAddress().getPort());
    System.out.flush();
    stopped.await();
    control.stop(0);
    vendor.close();
    System.exit(0); // the fake's request threads are not daemons
  }

  private static void answer(HttpExchange exchange, String text) throws IOException {
    byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** Where a measurement starts: the counts at the mark are taken off the later ones. */
  static final class Mark {
    private int requests;
    private int refused;
    private int stored;

    synchronized String set(Vendor vendor) {
      requests = vendor.requestTimes().size();
      refused = vendor.refused();
      stored = vendor.stored().size();
      return "marked requests=" + requests + " refused=" + refused + " stored=" + stored;
    }

    synchronized String counts(Vendor vendor) {
      List<Long> all = vendor.requestTimes();
      List<Long> times = all.subList(Math.min(requests, all.size()), all.size());
      List<String> texts = vendor.stored();
      int distinct = new HashSet<>(texts).size();
      double span = times.size() < 2 ? 0 : (times.get(times.size() - 1) - times.get(0)) / 1e9;
      return String.format(Locale.ROOT, "requests=%d refused=%d stored=%d distinct=%d span_s=%.3f peak_1s=%d %s",
          times.size(), vendor.refused() - refused, texts.size() - stored, distinct - stored, span,
          peakInOneSecond(times), vendor.extra());
    }
  }

  /** The most arrivals within any one second (a sliding window, as amoCRM counts). */
  static int peakInOneSecond(List<Long> times) {
    int max = 0;
    int from = 0;
    for (int i = 0; i < times.size(); i++) {
      while (times.get(i) - times.get(from) >= 1_000_000_000L) {
        from++;
      }
      max = Math.max(max, i - from + 1);
    }
    return max;
  }

  static Vendor amoCrm() {
    FakeAmoCrm amo = new FakeAmoCrm();
    String token = amo.longLivedToken();
    return new Vendor() {
      public String url() {
        return amo.url();
      }

      public String token() {
        return token;
      }

      public List<Long> requestTimes() {
        return amo.requestTimes();
      }

      public int refused() {
        return amo.tooManyRequests();
      }

      public List<String> stored() {
        return amo.leads().stream().flatMap(l -> amo.noteTexts(l.get("id").asLong()).stream()).toList();
      }

      public String extra() {
        return "limit_per_s=" + FakeAmoCrm.LIMIT_PER_SECOND + " burst=" + FakeAmoCrm.LIMIT_PER_SECOND
            + " note_requests=" + amo.noteRequests() + " leads=" + amo.leads().size() + " contacts="
            + amo.contacts().size();
      }

      public void close() {
        amo.close();
      }
    };
  }

  static Vendor bitrix24() {
    FakeBitrix24 portal = new FakeBitrix24();
    return new Vendor() {
      public String url() {
        return portal.webhookUrl();
      }

      public String token() {
        return "-";
      }

      public List<Long> requestTimes() {
        return portal.requestTimes();
      }

      public int refused() {
        return portal.overflows();
      }

      public List<String> stored() {
        return java.util.stream.Stream.concat(comments("lead", portal.leads()), comments("deal", portal.deals()))
            .toList();
      }

      private java.util.stream.Stream<String> comments(String type, List<JsonNode> records) {
        return records.stream().flatMap(r -> portal.comments(type, r.get("ID").asLong()).stream());
      }

      public String extra() {
        return "limit_per_s=" + FakeBitrix24.DRAIN_PER_SECOND + " burst=" + FakeBitrix24.BUCKET_SIZE
            + " batches=" + portal.batchSizes().size() + " fullest_bucket=" + portal.fullestBucket()
            + " leads=" + portal.leads().size() + " contacts=" + portal.contacts().size();
      }

      public void close() {
        portal.close();
      }
    };
  }
}
