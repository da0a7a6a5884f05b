package io.deskbridge.core.plugin.spi.testing;

import com.sun.net.httpserver.HttpServer;
import io.deskbridge.core.plugin.spi.Plugin;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Deskbridge's {@code /hooks/{tenant}/{module}} route for one module instance, as the platform serves
 * it, for plugin tests whose fakes call webhooks over HTTP. {@code prefix} is the part before the path
 * the module sees, e.g. {@code /hooks/acme/amocrm/}.
 */
public final class HookServer implements AutoCloseable {

  private final String prefix;
  private final HttpServer server;

  public HookServer(Plugin plugin, String prefix) {
    this.prefix = prefix;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(prefix, exchange -> {
      WebhookRequest request = new WebhookRequest(exchange.getRequestMethod(),
          exchange.getRequestURI().getPath().substring(prefix.length()), exchange.getRequestHeaders(),
          exchange.getRequestURI().getRawQuery(), exchange.getRequestBody().readAllBytes());
      WebhookResponse response = plugin.handleWebhook(request);
      byte[] body = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + prefix + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
