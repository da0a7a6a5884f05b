package io.deskbridge.core.plugin.spi;

/** What Deskbridge answers the vendor; keep it fast: real work goes to the outbox. */
public record WebhookResponse(int status, String contentType, String body) {

  public static WebhookResponse ok(String json) {
    return new WebhookResponse(200, "application/json", json);
  }

  public static WebhookResponse accepted() {
    return new WebhookResponse(202, null, null);
  }

  public static WebhookResponse unauthorized() {
    return new WebhookResponse(401, null, null);
  }

  public static WebhookResponse notFound() {
    return new WebhookResponse(404, null, null);
  }
}
