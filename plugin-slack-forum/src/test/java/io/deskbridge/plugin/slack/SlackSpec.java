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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Slack's published Web API document (Swagger 2, {@code slackapi/slack-api-specs}) and Atlassian's
 * request validator over it. The document predates two things every client does today, so the check
 * bridges them and nothing else: the token travels as {@code Authorization: Bearer} (the document
 * names it a {@code token} header or query parameter), and read methods such as {@code users.info}
 * are called with POST and a form body as the SDK does (the document only lists GET with a query).
 * A form carries only strings, and the validator would guess their types ({@code ts=1764237600.000100}
 * a number); each field is therefore read as the type the document declares for it, as Slack does, with
 * the SDK's {@code 0}/{@code 1} booleans as false/true, and checked as the JSON body the document also
 * accepts. A value that does not fit its declared type stays a string and fails the check.
 */
final class SlackSpec {

  static final String RESOURCE = "/slack-web-api.openapi-v2.json";
  /** Methods the document describes as GET with a query string and the token in it. */
  private static final Set<String> GET_WITH_QUERY_TOKEN = Set.of("/users.info", "/conversations.replies");
  private static final Set<String> GET_WITH_HEADER_TOKEN = Set.of("/auth.test");


  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parsing the document takes seconds; the validator is immutable, so one serves every fake. */
  private static final class Loaded {
    static final JsonNode SPEC = read();
    static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
        .createForInlineApiSpecification(SPEC.toString()).build();
  }

  private SlackSpec() {}

  private static JsonNode read() {
    try (InputStream in = SlackSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
      }
      JsonNode spec = JSON.readTree(in);
      loosenTupleItems(spec);
      return spec;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The form's fields as the types the document declares for the operation's parameters. */
  private static ObjectNode typed(String method, String verb, Map<String, String> form) {
    Map<String, String> declared = new java.util.HashMap<>();
    for (JsonNode parameter : Loaded.SPEC.path("paths").path(method).path(verb).path("parameters")) {
      declared.put(parameter.path("name").asText(), parameter.path("type").asText("string"));
    }
    ObjectNode body = JSON.createObjectNode();
    form.forEach((name, value) -> {
      switch (declared.getOrDefault(name, "string")) {
        case "boolean" -> {
          if (value.equals("1") || value.equals("true")) {
            body.put(name, true);
          } else if (value.equals("0") || value.equals("false")) {
            body.put(name, false);
          } else {
            body.put(name, value);
          }
        }
        case "integer", "number" -> {
          try {
            body.put(name, new java.math.BigDecimal(value));
          } catch (NumberFormatException e) {
            body.put(name, value);
          }
        }
        default -> body.put(name, value);
      }
    });
    return body;
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
    boolean get = GET_WITH_QUERY_TOKEN.contains(method) || GET_WITH_HEADER_TOKEN.contains(method);
    SimpleRequest.Builder request = get ? SimpleRequest.Builder.get(path) : SimpleRequest.Builder.post(path);
    if (GET_WITH_QUERY_TOKEN.contains(method)) {
      request.withQueryParam("token", token);
    } else {
      request.withHeader("token", token);
    }
    if (get) {
      typed(method, "get", form).fields().forEachRemaining(f -> request.withQueryParam(f.getKey(),
          f.getValue().asText()));
    } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
      request.withContentType("application/json").withBody(typed(method, "post", form).toString());
    } else {
      request.withContentType(contentType);
      if (rawBody != null && !rawBody.isEmpty()) {
        request.withBody(rawBody);
      }
    }
    ValidationReport report = Loaded.VALIDATOR.validateRequest(request.build());
    return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> method + ": " + m.getKey() + " " + m.getMessage()).toList();
  }
}
