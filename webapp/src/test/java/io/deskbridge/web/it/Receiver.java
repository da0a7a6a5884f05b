package io.deskbridge.web.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A webhook receiver on 127.0.0.1 that records what it gets and answers as told, per path: 200, a
 * status (500, 410, 429 with Retry-After), or a slow answer.
 */
final class Receiver implements AutoCloseable {

  record Call(String path, Map<String, List<String>> headers, String body, Instant at) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  record Answer(int status, String retryAfter, Duration delay) {
    static Answer ok() {
      return new Answer(200, null, Duration.ZERO);
    }
  }

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  Receiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      calls.add(new Call(path, Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
      Answer answer = answers.getOrDefault(path, Answer.ok());
      if (!answer.delay().isZero()) {
        try {
          Thread.sleep(answer.delay().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (answer.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
      }
      exchange.sendResponseHeaders(answer.status(), -1);
      exchange.close();
    });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void answer(String path, Answer answer) {
    answers.put(path, answer);
  }

  List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  /** Waits (bounded) until the calls to {@code path} satisfy the condition. */
  List<Call> await(String path, Predicate<List<Call>> condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      List<Call> seen = calls(path);
      if (condition.test(seen)) {
        return seen;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("Receiver did not see the expected calls on " + path + " within " + timeout
        + "; got " + calls(path).size() + " calls, "
        + calls(path).stream().map(c -> c.header("X-Deskbridge-Delivery")).distinct().count() + " distinct");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
