package io.deskbridge.plugin.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The tenant's receiver over HTTP: one signed POST, one answer. Neither the secret nor the body is
 * ever logged or put into an answer; the receiver's own body is kept only as a short excerpt.
 */
final class Receiver {

  static final String USER_AGENT = "Deskbridge-Webhook/1";
  private static final int EXCERPT_CHARS = 200;
  private static final int KEPT_BYTES = 4096;

  private final WebhookConfig config;
  private final WebhookSignature signature;
  private final Clock clock;
  private final HttpClient http;

  Receiver(WebhookConfig config, Clock clock) {
    this.config = config;
    this.signature = new WebhookSignature(config.secret());
    this.clock = clock;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** @throws IOException when no complete answer came in time: refused, reset, timed out */
  ReceiverAnswer post(String eventType, String deliveryId, byte[] body) throws IOException, InterruptedException {
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(config.url())
        .timeout(config.timeout())
        .header("Content-Type", "application/json")
        .header("User-Agent", USER_AGENT)
        .header("X-Deskbridge-Event", eventType)
        .header("X-Deskbridge-Delivery", deliveryId)
        .header("X-Deskbridge-Timestamp", Long.toString(timestamp))
        .header("X-Deskbridge-Signature", signature.sign(timestamp, body))
        .POST(BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<String> response = await(http.sendAsync(request, info -> firstBytes()));
    return new ReceiverAnswer(response.statusCode(), response.headers().firstValue("Retry-After"),
        excerpt(response.body()));
  }

  /** Why no answer came, in words for the admin. */
  String describe(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "Could not connect to the receiver within " + config.timeout();
    }
    if (e instanceof HttpTimeoutException) {
      return "The receiver did not answer within " + config.timeout();
    }
    if (e instanceof ConnectException) {
      String reason = e.getMessage() == null ? "connection refused" : e.getMessage();
      return "Could not connect to the receiver (" + reason + ")";
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return withoutSecret("Could not reach the receiver: " + reason);
  }

  // The request timeout ends when the headers arrive; a receiver trickling its body must not hold an
  // outbox worker either, so the whole exchange gets the same limit.
  private HttpResponse<String> await(CompletableFuture<HttpResponse<String>> exchange)
      throws IOException, InterruptedException {
    try {
      return exchange.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new HttpTimeoutException("no complete answer within " + config.timeout());
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("Sending a webhook failed unexpectedly", e.getCause());
    }
  }

  /** Keeps the first bytes of the receiver's body and drops the rest as it streams in. */
  private static HttpResponse.BodySubscriber<String> firstBytes() {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    return BodySubscribers.mapping(
        BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes ->
            kept.write(bytes, 0, Math.min(bytes.length, KEPT_BYTES - kept.size())))),
        done -> kept.toString(StandardCharsets.UTF_8));
  }

  private String excerpt(String body) {
    String line = withoutSecret(body).replaceAll("\\s+", " ").strip();
    return line.length() <= EXCERPT_CHARS ? line : line.substring(0, EXCERPT_CHARS) + "…";
  }

  /** A receiver may echo what it got; the secret must still not reach the outbox's records. */
  private String withoutSecret(String text) {
    return text.replace(config.secret().reveal(), config.secret().toString());
  }
}
