package io.deskbridge.plugin.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A tenant's webhook receiver on 127.0.0.1: records every request and answers as it is told. */
final class FakeReceiver implements AutoCloseable {

  /** One request as it arrived on the wire. */
  record Received(String method, String path, Headers headers, byte[] body) {

    String header(String name) {
      return headers.getFirst(name);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private record Answer(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile Answer answer = new Answer(200, Map.of(), "");
  private volatile boolean stalling;
  private volatile boolean stallingMidBody;

  FakeReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/deskbridge");
  }

  FakeReceiver answers(int status) {
    return answers(status, Map.of(), "");
  }

  FakeReceiver answers(int status, Map<String, String> headers, String body) {
    this.answer = new Answer(status, headers, body);
    return this;
  }

  /** Holds every request without answering until the receiver is closed. */
  FakeReceiver stalls() {
    this.stalling = true;
    return this;
  }

  /** Sends a 200 and the start of a body, then holds the rest until the receiver is closed. */
  FakeReceiver stallsMidBody() {
    this.stallingMidBody = true;
    return this;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  Received onlyRequest() {
    if (received.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + received.size());
    }
    return received.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders(), in.readAllBytes()));
      if (stalling && !released.await(30, TimeUnit.SECONDS)) {
        return;
      }
      if (stallingMidBody) {
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write("{\"ok\":".getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        released.await(30, TimeUnit.SECONDS);
        return;
      }
      Answer current = answer;
      current.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(current.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
