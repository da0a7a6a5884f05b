package io.deskbridge.web.api.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Malformed JSON, or a value of the wrong type: 400 naming the field where Jackson knows it. */
@Provider
@ApplicationScoped
public class JsonProblemMapper implements ExceptionMapper<JsonProcessingException> {

  @Override
  public Response toResponse(JsonProcessingException e) {
    if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)
        || mapping.getPath().isEmpty()) {
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      return Problem.of(400, "malformed-json", "Malformed JSON",
          "The request body is not valid JSON" + where + ".").toResponse();
    }
    String field = pathOf(mapping);
    return Problem.of(400, "invalid-input", "Invalid input", field + ": has the wrong type or format")
        .with("errors", List.of(Map.of("field", field, "message", "has the wrong type or format")))
        .toResponse();
  }

  private static String pathOf(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
