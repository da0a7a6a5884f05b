import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook receiver for the cluster benchmark: it answers every delivery at once and writes one
 * line per call — event, delivery id (the same on a retry) and what the event is about (the message
 * for {@code message.created}; conversation, target and timer start for SLA alerts) — so the script
 * can count repeated deliveries and alerts announced twice. {@code GET /count} answers the calls so far.
 *
 * <pre>java DeliveryCounter.java PORT FILE</pre>
 */
public class DeliveryCounter {

  private static final Pattern MESSAGE = Pattern.compile("\"messageId\":(\\d+)");
  private static final Pattern CONVERSATION = Pattern.compile("\"conversationId\":(\\d+)");
  private static final Pattern TARGET = Pattern.compile("\"target\":\"([A-Z_]+)\"");
  private static final Pattern STARTED = Pattern.compile("\"startedAt\":\"([^\"]+)\"");

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    Path file = Path.of(args[1]);
    AtomicLong calls = new AtomicLong();
    PrintWriter lines = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING), true);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/count", exchange -> {
      byte[] body = Long.toString(calls.get()).getBytes(StandardCharsets.US_ASCII);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.createContext("/hook", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String event = exchange.getRequestHeaders().getFirst("X-Deskbridge-Event");
      String delivery = exchange.getRequestHeaders().getFirst("X-Deskbridge-Delivery");
      synchronized (lines) {
        lines.println(event + "\t" + delivery + "\t" + subject(event, body));
      }
      calls.incrementAndGet();
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  private static String subject(String event, String body) {
    if ("message.created".equals(event)) {
      return "message " + first(MESSAGE, body);
    }
    return "conversation " + first(CONVERSATION, body) + " " + first(TARGET, body) + " " + first(STARTED, body);
  }

  private static String first(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    return m.find() ? m.group(1) : "?";
  }
}
