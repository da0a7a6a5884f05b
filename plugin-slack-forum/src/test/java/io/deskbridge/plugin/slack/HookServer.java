package io.deskbridge.plugin.slack;

import com.sun.net.httpserver.HttpServer;
import io.deskbridge.core.plugin.spi.Plugin;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Deskbridge's {@code /hooks/acme/slack-forum} route for one module instance, as the platform serves it. */
final class HookServer implements AutoCloseable {

  private static final String PREFIX = "/hooks/acme/slack-forum";

  private final HttpServer server;

  HookServer(Plugin plugin) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(PREFIX, exchange -> {
      WebhookRequest request = new WebhookRequest(exchange.getRequestMethod(),
          exchange.getRequestURI().getPath().substring(PREFIX.length()), exchange.getRequestHeaders(),
          exchange.getRequestURI().getRawQuery(), exchange.getRequestBody().readAllBytes());
      WebhookResponse response = plugin.handleWebhook(request);
      byte[] body = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
