package io.deskbridge.plugin.jira;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Atlassian's published Jira Cloud platform OpenAPI document (REST v3, December 2025 snapshot) and
 * Atlassian's own request validator over it. Data Center's v2 has the same paths and shapes under
 * {@code /rest/api/2}, so its requests are checked against the matching v3 operation; the v3 document
 * leaves {@code fields} free-form, so a v2 wiki-text description passes there as it does in Jira.
 */
final class JiraSpec {

  static final String RESOURCE = "/jira-platform-v3.openapi.json";

  /** Parsing the 2.4 MB document takes seconds; the validator is immutable, so one serves every fake. */
  private static final class Loaded {
    static final OpenApiInteractionValidator VALIDATOR = load();
  }

  private JiraSpec() {}

  private static OpenApiInteractionValidator load() {
    try (InputStream in = JiraSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
      }
      return OpenApiInteractionValidator
          .createForInlineApiSpecification(new String(in.readAllBytes(), StandardCharsets.UTF_8)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the validator's error messages; empty when the request matches an operation of the spec */
  static List<String> violations(String method, String path, String rawQuery, Map<String, List<String>> headers,
      String body) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, path.replaceFirst("^/rest/api/2/",
        "/rest/api/3/"));
    // The fake checks credentials itself; the document only knows Basic and OAuth, not DC's Bearer PAT.
    headers.forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Authorization")) {
        request.withHeader(name, values);
      }
    });
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        request.withQueryParam(name, value);
      }
    }
    if (body != null && !body.isEmpty()) {
      request.withBody(body);
    }
    ValidationReport report = Loaded.VALIDATOR.validateRequest(request.build());
    return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> method + " " + path + ": " + m.getKey() + " " + m.getMessage()).toList();
  }
}
