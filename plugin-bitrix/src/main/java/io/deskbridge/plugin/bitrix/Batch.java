package io.deskbridge.plugin.bitrix;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Up to 50 sub-commands in one {@code batch} request, which the bucket counts once. Bitrix24
 * answers 200 even when some failed, so each command's own result or error is read back by its key.
 */
final class Batch {

  static final int MAX_COMMANDS = 50;

  /** A sub-command's failure, as Bitrix24 reports it in {@code result_error}. */
  record CommandError(String error, String description) {

    /** Errors a later attempt may not get; anything else is Bitrix24 refusing this command. */
    private static final Set<String> PASSING = Set.of("QUERY_LIMIT_EXCEEDED", "OPERATION_TIME_LIMIT",
        "INTERNAL_SERVER_ERROR", "OVERLOAD_LIMIT", "expired_token");

    boolean isPassing() {
      return PASSING.contains(error);
    }

    @Override
    public String toString() {
      return "{" + error + ", " + description + "}";
    }
  }

  /** What became of each command, by key; a key in neither map was not run (halt). */
  record Outcome(Map<String, JsonValue> results, Map<String, CommandError> errors) {}

  private final Map<String, String> commands = new LinkedHashMap<>();

  /** @param params sent in PHP query form, the only form a sub-command takes */
  Batch add(String key, String method, JsonObject params) {
    if (commands.size() == MAX_COMMANDS) {
      throw new IllegalStateException("a batch holds at most " + MAX_COMMANDS + " commands");
    }
    commands.put(key, method + "?" + PhpQuery.encode(params));
    return this;
  }

  boolean isEmpty() {
    return commands.isEmpty();
  }

  Outcome send(Portal portal) {
    JsonObjectBuilder cmd = Json.createObjectBuilder();
    commands.forEach(cmd::add);
    JsonObject result = portal.call("batch", Json.createObjectBuilder().add("halt", 0).add("cmd", cmd).build())
        .asJsonObject();
    Map<String, JsonValue> results = new LinkedHashMap<>();
    // An empty result or result_error is a JSON array [], a filled one an object.
    if (result.get("result") instanceof JsonObject done) {
      results.putAll(done);
    }
    Map<String, CommandError> errors = new LinkedHashMap<>();
    if (result.get("result_error") instanceof JsonObject failed) {
      failed.forEach((key, e) -> errors.put(key, new CommandError(e.asJsonObject().getString("error", ""),
          e.asJsonObject().getString("error_description", ""))));
    }
    return new Outcome(results, errors);
  }
}
