package io.deskbridge.plugin.slack;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Slack's published Web API document (Swagger 2, {@code slackapi/slack-api-specs}) and Atlassian's
 * request validator over it. The document predates two things every client does today, so the check
 * bridges them and nothing else: the token travels as {@code Authorization: Bearer} (the document
 * names it a {@code token} header or query parameter), and read methods such as {@code users.info}
 * are called with POST and a form body as the SDK does (the document only lists GET with a query).
 * The SDK also writes booleans as {@code 0}/{@code 1}, which Slack accepts and the document types as
 * boolean; those become {@code false}/{@code true} before the check.
 */
final class SlackSpec {

  static final String RESOURCE = "/slack-web-api.openapi-v2.json";
  /** Methods the document describes as GET with a query string and the token in it. */
  private static final Set<String> GET_WITH_QUERY_TOKEN = Set.of("/users.info", "/conversations.replies");
  private static final Set<String> GET_WITH_HEADER_TOKEN = Set.of("/auth.test");
  private static final Set<String> BOOLEANS = Set.of("as_user", "link_names", "mrkdwn", "reply_broadcast",
      "unfurl_links", "unfurl_media", "inclusive", "include_locale");

  private static final class Loaded {
    static final OpenApiInteractionValidator VALIDATOR = load();
  }

  private SlackSpec() {}

  private static OpenApiInteractionValidator load() {
    try (InputStream in = SlackSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
      }
      JsonNode spec = new ObjectMapper().readTree(in);
      loosenTupleItems(spec);
      return OpenApiInteractionValidator.createForInlineApiSpecification(spec.toString()).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String bool(String value) {
    return switch (value) {
      case "1" -> "true";
      case "0" -> "false";
      default -> value;
    };
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * Six response schemas of the document give {@code items} as a list (a JSON Schema tuple), which
   * Swagger 2 does not allow and the loader refuses; they describe answers, not requests, so they are
   * read as "any item" and every request schema stays as published.
   */
  private static void loosenTupleItems(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.get("items") instanceof ArrayNode) {
        object.putObject("items");
      }
      object.forEach(SlackSpec::loosenTupleItems);
    } else if (node instanceof ArrayNode array) {
      array.forEach(SlackSpec::loosenTupleItems);
    }
  }

  /**
   * @param method the Web API method's path, e.g. {@code /chat.postMessage}
   * @param form the decoded form fields of the request body
   * @return the validator's errors; empty when the request matches the method's operation
   */
  static List<String> violations(String method, String token, String contentType, String rawBody,
      Map<String, String> form) {
    String path = "/api" + method;
    SimpleRequest.Builder request;
    if (GET_WITH_QUERY_TOKEN.contains(method)) {
      request = SimpleRequest.Builder.get(path).withQueryParam("token", token);
      form.forEach(request::withQueryParam);
    } else if (GET_WITH_HEADER_TOKEN.contains(method)) {
      request = SimpleRequest.Builder.get(path).withHeader("token", token);
      form.forEach(request::withQueryParam);
    } else {
      request = SimpleRequest.Builder.post(path).withHeader("token", token).withContentType(contentType);
      if (contentType.startsWith("application/x-www-form-urlencoded")) {
        request.withBody(form.entrySet().stream().map(e -> encode(e.getKey()) + "="
            + encode(BOOLEANS.contains(e.getKey()) ? bool(e.getValue()) : e.getValue()))
            .collect(Collectors.joining("&")));
      } else if (rawBody != null && !rawBody.isEmpty()) {
        request.withBody(rawBody);
      }
    }
    ValidationReport report = Loaded.VALIDATOR.validateRequest(request.build());
    return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> method + ": " + m.getKey() + " " + m.getMessage()).toList();
  }
}
