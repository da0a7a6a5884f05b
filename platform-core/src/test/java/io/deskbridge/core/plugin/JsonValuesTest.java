package io.deskbridge.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stored module settings come back from their JSON text with the Java types they were saved with. */
class JsonValuesTest {

  @Test
  void storedValuesComeBackWithTheirTypes() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("prefix", "  \"Echo\": ünïcode ✓\n");
    values.put("enabled", true);
    values.put("off", false);
    values.put("retries", 9_000_000_000L);
    values.put("events", List.of("message.created", "customer.updated"));
    values.put("none", List.of());
    values.put("missing", null);

    assertEquals(values, JsonValues.read(JsonValues.write(values)));
  }

  @Test
  void anIntegerComesBackAsALong() {
    assertEquals(Map.of("n", 7L), JsonValues.read(JsonValues.write(Map.of("n", 7))));
  }

  @Test
  void listItemsAreStoredAsText() {
    assertEquals(Map.of("ids", List.of("1", "2")), JsonValues.read(JsonValues.write(Map.of("ids", Arrays.asList(1, 2)))));
  }

  @Test
  void noTextIsNoValues() {
    assertEquals(Map.of(), JsonValues.read(null));
    assertEquals(Map.of(), JsonValues.read("  "));
    assertEquals(Map.of(), JsonValues.read("{}"));
  }

  @Test
  void stringsAreReadAsText() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("token", "s3cret");
    expected.put("n", "5");
    expected.put("gone", null);

    assertEquals(expected, JsonValues.readStrings("{\"token\":\"s3cret\",\"n\":5,\"gone\":null}"));
  }
}
