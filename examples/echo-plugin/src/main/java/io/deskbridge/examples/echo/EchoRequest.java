package io.deskbridge.examples.echo;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;

/** The body of {@code POST /hooks/{tenant}/echo/notes}: {@code {"conversationId":123,"text":"…"}}. */
record EchoRequest(long conversationId, String text) {

  /** The body is not an echo request; the message says why, for the caller. */
  static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message);
    }
  }

  private static final String NOT_AN_OBJECT = "the body must be one JSON object with conversationId and text";

  static EchoRequest parse(byte[] body) {
    JsonObject object = read(body == null ? new byte[0] : body);
    return new EchoRequest(conversationId(object), text(object));
  }

  // A parser rather than JsonReader.readObject(), which stops after the first value and would accept
  // "{...} anything" as valid.
  private static JsonObject read(byte[] body) {
    try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw new Malformed(NOT_AN_OBJECT);
      }
      JsonObject object = parser.getObject();
      if (parser.hasNext()) {
        throw new Malformed(NOT_AN_OBJECT);
      }
      return object;
    } catch (JsonException unparsable) {
      throw new Malformed(NOT_AN_OBJECT);
    }
  }

  private static long conversationId(JsonObject object) {
    JsonValue value = object.get("conversationId");
    long id;
    try {
      id = value instanceof JsonNumber number && number.isIntegral() ? number.longValueExact() : 0;
    } catch (ArithmeticException beyondLong) {
      id = 0;
    }
    if (id <= 0) {
      throw new Malformed("conversationId must be a positive integer");
    }
    return id;
  }

  private static String text(JsonObject object) {
    if (object.get("text") instanceof JsonString text && !text.getString().isBlank()) {
      return text.getString();
    }
    throw new Malformed("text must be a non-empty string");
  }
}
