package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.RequestPacer;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * amoCRM's Chats API (amojo) for one channel: no token, each request signed with the channel secret
 * (Date, Content-MD5, X-Signature), and answers mapped to outbox outcomes as for the main API.
 */
final class AmojoApi {

  /** The channel's scope (or a chat in it) is gone, as after the integration was reinstalled. */
  static final class UnknownScope extends RuntimeException {
    UnknownScope(String detail) {
      super(detail, null, false, false);
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final String base;
  private final ChannelSignature signature;
  private final RequestPacer pacer;
  private final HttpClient http;
  private final Clock clock;

  AmojoApi(String base, ChannelSignature signature, RequestPacer pacer, HttpClient http, Clock clock) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.signature = signature;
    this.pacer = pacer;
    this.http = http;
    this.clock = clock;
  }

  JsonObject post(String path, JsonStructure body) {
    // The signature covers these exact bytes: serialise once and send what was signed.
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    String md5 = ChannelSignature.contentMd5(bytes);
    String date = ChannelSignature.date(clock.instant().atZone(ZoneOffset.UTC));
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .header("Date", date)
        .header("Content-Type", ChannelSignature.CONTENT_TYPE)
        .header("Content-MD5", md5)
        .header("X-Signature", signature.ofRequest("POST", md5, date, path))
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
        .build();
    HttpResponse<String> response = AmoApi.exchange(request, "POST " + path, pacer, http);
    if (response.statusCode() == 404) {
      throw new UnknownScope("the Chats API does not know " + path + AmoApi.problem(response.body()));
    }
    return AmoApi.answer("Chats API POST " + path, response)
        .map(JsonStructure::asJsonObject)
        .orElseGet(() -> jakarta.json.Json.createObjectBuilder().build());
  }
}
