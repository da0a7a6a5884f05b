package io.deskbridge.web.api.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** An RFC 9457 problem document; the only shape in which the API reports errors. */
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);
  static final String TYPE_BASE = "https://deskbridge.io/problems/";

  private final Map<String, Object> body = new LinkedHashMap<>();
  private final int status;

  private Problem(int status, String code, String title, String detail) {
    this.status = status;
    body.put("type", TYPE_BASE + code);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
  }

  public static Problem of(int status, String code, String title, String detail) {
    return new Problem(status, code, title, detail);
  }

  public Problem with(String member, Object value) {
    body.put(member, value);
    return this;
  }

  public Problem with(Map<String, Object> members) {
    body.putAll(members);
    return this;
  }

  public Response toResponse() {
    return Response.status(status).type(TYPE).entity(body).build();
  }

  /** "category-required" becomes "Category required". */
  static String titleOf(String code) {
    String words = code.replace('-', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
