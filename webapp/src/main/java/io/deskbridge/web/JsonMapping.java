package io.deskbridge.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * How the API reads and writes JSON. Unknown request fields are ignored so clients written against
 * a newer API keep working; enum values are accepted in any case ("public" = "PUBLIC").
 */
@Provider
@ApplicationScoped
public class JsonMapping implements ContextResolver<ObjectMapper> {

  private final ObjectMapper mapper = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .build();

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return mapper;
  }
}
