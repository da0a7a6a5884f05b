package io.deskbridge.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.plugin.spi.ConfigType;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.Secret;
import io.deskbridge.core.shared.FieldError;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A module's settings as an admin typed them become a typed config, or a list of errors that each
 * name the failing key; stored secrets survive an edit that does not resend them.
 */
class ModuleConfigsTest {

  private static final String KEY = "field";

  /** The spec of a webhook-like module with one field of every type. */
  private static final List<ConfigProperty> SPEC = List.of(
      ConfigProperty.of("url", ConfigType.URL, "Target URL").required().build(),
      ConfigProperty.of("token", ConfigType.SECRET, "Signing secret").required().build(),
      ConfigProperty.of("prefix", ConfigType.STRING, "Prefix").build(),
      ConfigProperty.of("format", ConfigType.ENUM, "Format").options(List.of("json", "form"))
          .defaultValue("json").build(),
      ConfigProperty.of("internal", ConfigType.BOOLEAN, "Send internal notes").defaultValue("false").build(),
      ConfigProperty.of("retries", ConfigType.INTEGER, "Retries").defaultValue("3").build(),
      ConfigProperty.of("timeout", ConfigType.DURATION, "Timeout").defaultValue("PT10S").build(),
      ConfigProperty.of("events", ConfigType.LIST, "Events")
          .options(List.of("message.created", "conversation.closed", "customer.updated")).build());

  private static ModuleConfigs.Parsed parseOne(ConfigProperty property, Object value) {
    Map<String, Object> raw = new HashMap<>();
    raw.put(property.key(), value);
    return ModuleConfigs.parse(List.of(property), raw, Map.of());
  }

  private static Object accepted(ConfigType type, Object value) {
    return accepted(ConfigProperty.of(KEY, type, "Field").build(), value);
  }

  private static Object accepted(ConfigProperty property, Object value) {
    ModuleConfigs.Parsed parsed = parseOne(property, value);
    assertEquals(List.of(), parsed.errors(), () -> "errors for " + value);
    return parsed.config().value(property.key()).orElseThrow();
  }

  /** Asserts the value is refused with exactly one error, on the field's key, and returns its message. */
  private static String rejected(ConfigProperty property, Object value) {
    ModuleConfigs.Parsed parsed = parseOne(property, value);
    assertFalse(parsed.isValid(), () -> value + " was accepted");
    assertEquals(List.of(property.key()), parsed.errors().stream().map(FieldError::field).toList());
    assertEquals(Optional.empty(), parsed.config().value(property.key()));
    return parsed.errors().get(0).message();
  }

  private static String rejected(ConfigType type, Object value) {
    return rejected(ConfigProperty.of(KEY, type, "Field").build(), value);
  }

  private static Map<String, Object> validInput() {
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("url", "https://hooks.example.com/deskbridge");
    raw.put("token", "s3cr3t-value");
    raw.put("prefix", "  [Support]  ");
    raw.put("format", "form");
    raw.put("internal", true);
    raw.put("retries", 5);
    raw.put("timeout", "PT30S");
    raw.put("events", List.of("message.created", "customer.updated"));
    return raw;
  }

  // --- STRING

  @Test
  void aStringKeepsItsInnerAndTrailingSpaces() {
    assertEquals("  Echo:  you said ", accepted(ConfigType.STRING, "  Echo:  you said "));
  }

  @Test
  void aStringThatIsNotTextIsRejectedOnItsKey() {
    assertEquals("must be a string", rejected(ConfigType.STRING, 42));
  }

  // --- URL

  @ParameterizedTest
  @ValueSource(strings = {"https://hooks.example.com/x?y=1", "http://127.0.0.1:8080/", "HTTPS://EXAMPLE.COM"})
  void anAbsoluteHttpUrlWithAHostIsAccepted(String url) {
    assertEquals(URI.create(url), accepted(ConfigType.URL, url));
  }

  @Test
  void aUrlIsTrimmed() {
    assertEquals(URI.create("https://example.com/hook"), accepted(ConfigType.URL, "  https://example.com/hook "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://x", "/relative", "http://", "http:///path", "mailto:a@example.com",
      "https://exa mple.com", "example.com"})
  void aUrlThatIsNotAnAbsoluteHttpUrlWithAHostIsRejected(String url) {
    assertEquals("must be an absolute http(s) URL", rejected(ConfigType.URL, url));
  }

  // --- SECRET

  @Test
  void aSecretBecomesASecretThatPrintsAsTheMask() {
    Object value = accepted(ConfigType.SECRET, "hunter2");

    Secret secret = assertInstanceOf(Secret.class, value);
    assertEquals("hunter2", secret.reveal());
    assertEquals(ModuleConfigs.MASK, secret.toString());
  }

  // --- ENUM

  @Test
  void anEnumAcceptsOneOfItsOptions() {
    ConfigProperty format = ConfigProperty.of(KEY, ConfigType.ENUM, "Format").options(List.of("json", "form")).build();

    assertEquals("form", accepted(format, "form"));
    assertEquals("json", accepted(format, " json "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"xml", "JSON"})
  void anEnumRejectsAValueOutsideItsOptions(String value) {
    ConfigProperty format = ConfigProperty.of(KEY, ConfigType.ENUM, "Format").options(List.of("json", "form")).build();

    assertEquals("must be one of [json, form]", rejected(format, value));
  }

  // --- BOOLEAN

  @Test
  void aBooleanAcceptsTrueFalseAndTheirText() {
    assertEquals(Boolean.TRUE, accepted(ConfigType.BOOLEAN, true));
    assertEquals(Boolean.FALSE, accepted(ConfigType.BOOLEAN, false));
    assertEquals(Boolean.TRUE, accepted(ConfigType.BOOLEAN, "true"));
    assertEquals(Boolean.FALSE, accepted(ConfigType.BOOLEAN, "false"));
  }

  @Test
  void aBooleanRejectsAnythingElse() {
    assertEquals("must be true or false", rejected(ConfigType.BOOLEAN, "yes"));
    assertEquals("must be true or false", rejected(ConfigType.BOOLEAN, 1));
  }

  // --- INTEGER

  @Test
  void anIntegerAcceptsWholeNumbersAsNumbersOrText() {
    assertEquals(5L, accepted(ConfigType.INTEGER, 5));
    assertEquals(7L, accepted(ConfigType.INTEGER, "7"));
    assertEquals(5L, accepted(ConfigType.INTEGER, 5.0));
    assertEquals(9_000_000_000L, accepted(ConfigType.INTEGER, 9_000_000_000L));
  }

  @Test
  void anIntegerRejectsFractionsAndText() {
    assertEquals("must be a whole number", rejected(ConfigType.INTEGER, 5.5));
    assertEquals("must be a whole number", rejected(ConfigType.INTEGER, "x"));
    assertEquals("must be a whole number", rejected(ConfigType.INTEGER, "99999999999999999999"));
  }

  // --- DURATION

  @Test
  void aDurationAcceptsAPositiveIsoDuration() {
    assertEquals(Duration.ofMinutes(5), accepted(ConfigType.DURATION, "PT5M"));
    assertEquals(Duration.ofDays(1), accepted(ConfigType.DURATION, "P1D"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "-PT1S", "5m"})
  void aDurationThatIsNotPositiveIsoIsRejected(String value) {
    assertEquals("must be a positive ISO-8601 duration such as PT5M", rejected(ConfigType.DURATION, value));
  }

  // --- LIST

  @Test
  void aListIsReadFromAJsonListOrACommaSeparatedString() {
    assertEquals(List.of("a", "b"), accepted(ConfigType.LIST, List.of("a", " b ")));
    assertEquals(List.of("a", "b", "c"), accepted(ConfigType.LIST, "a, b,,c ,"));
  }

  @Test
  void aListWithOptionsAcceptsOnlyThoseOptions() {
    ConfigProperty events = ConfigProperty.of(KEY, ConfigType.LIST, "Events")
        .options(List.of("message.created", "conversation.closed")).build();

    assertEquals(List.of("conversation.closed"), accepted(events, "conversation.closed"));
    String message = rejected(events, List.of("message.created", "customer.deleted"));
    assertTrue(message.contains("'customer.deleted'"), message);
  }

  @Test
  void aListRejectsSomethingThatIsNotAListOfStrings() {
    assertEquals("must be a list of strings", rejected(ConfigType.LIST, 5));
    assertEquals("must be a string", rejected(ConfigType.LIST, List.of("a", 5)));
  }

  // --- presence, defaults, unknown keys

  @Test
  void aMissingRequiredFieldIsRequired() {
    ConfigProperty url = ConfigProperty.of("url", ConfigType.URL, "URL").required().build();

    assertEquals(List.of(new FieldError("url", "is required")),
        ModuleConfigs.parse(List.of(url), Map.of(), Map.of()).errors());
    assertEquals(List.of(new FieldError("url", "is required")),
        ModuleConfigs.parse(List.of(url), Map.of("url", "   "), Map.of()).errors());
  }

  @Test
  void aMissingOptionalFieldWithoutDefaultIsAbsent() {
    ModuleConfigs.Parsed parsed = parseOne(ConfigProperty.of(KEY, ConfigType.STRING, "Field").build(), null);

    assertTrue(parsed.isValid(), parsed.errors()::toString);
    assertEquals(Optional.empty(), parsed.config().value(KEY));
    assertFalse(parsed.plain().containsKey(KEY));
  }

  @Test
  void aDefaultFillsAnAbsentField() {
    Map<String, Object> raw = validInput();
    raw.remove("format");
    raw.remove("internal");
    raw.remove("retries");
    raw.remove("timeout");

    ModuleConfigs.Parsed parsed = ModuleConfigs.parse(SPEC, raw, Map.of());

    assertTrue(parsed.isValid(), parsed.errors()::toString);
    assertEquals("json", parsed.config().string("format"));
    assertFalse(parsed.config().bool("internal"));
    assertEquals(Optional.of(Boolean.FALSE), parsed.config().value("internal"));
    assertEquals(3L, parsed.config().integer("retries"));
    assertEquals(Duration.ofSeconds(10), parsed.config().duration("timeout"));
  }

  @Test
  void anEmptiedFieldFallsBackToItsDefault() {
    Map<String, Object> raw = validInput();
    raw.put("format", "");
    raw.put("timeout", "   ");

    ModuleConfigs.Parsed parsed = ModuleConfigs.parse(SPEC, raw, Map.of());

    assertTrue(parsed.isValid(), parsed.errors()::toString);
    assertEquals("json", parsed.config().string("format"));
    assertEquals(Duration.ofSeconds(10), parsed.config().duration("timeout"));
  }

  @Test
  void aDefaultDoesNotOverrideATypedValue() {
    ModuleConfigs.Parsed parsed = ModuleConfigs.parse(SPEC, validInput(), Map.of());

    assertEquals("form", parsed.config().string("format"));
    assertEquals(5L, parsed.config().integer("retries"));
  }

  @Test
  void anUnknownKeyIsNotASettingOfThisModule() {
    Map<String, Object> raw = validInput();
    raw.put("colour", "blue");

    assertEquals(List.of(new FieldError("colour", "is not a setting of this module")),
        ModuleConfigs.parse(SPEC, raw, Map.of()).errors());
  }

  @Test
  void everyErrorIsReportedAtOnce() {
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("url", "ftp://x");
    raw.put("format", "xml");
    raw.put("internal", "maybe");
    raw.put("retries", 5.5);
    raw.put("timeout", "5m");
    raw.put("events", List.of("nope"));
    raw.put("zeta", 1);
    raw.put("alpha", 2);

    ModuleConfigs.Parsed parsed = ModuleConfigs.parse(SPEC, raw, Map.of());

    assertEquals(List.of("url", "token", "format", "internal", "retries", "timeout", "events", "alpha", "zeta"),
        parsed.errors().stream().map(FieldError::field).toList());
    assertEquals("is required", parsed.errors().get(1).message());
  }

  @Test
  void aRequiredListSentEmptyIsRequired() {
    ConfigProperty events = ConfigProperty.of("events", ConfigType.LIST, "Events").required().build();

    assertEquals(List.of(new FieldError("events", "is required")),
        ModuleConfigs.parse(List.of(events), Map.of("events", ""), Map.of()).errors());
    assertEquals(List.of(new FieldError("events", "is required")),
        ModuleConfigs.parse(List.of(events), Map.of("events", List.of()), Map.of()).errors());
    assertEquals(List.of(new FieldError("events", "is required")),
        ModuleConfigs.parse(List.of(events), Map.of("events", " , "), Map.of()).errors());
  }

  // --- secrets

  @Test
  void aSecretLeftOutKeepsItsStoredValue() {
    Map<String, Object> raw = validInput();
    raw.remove("token");

    ModuleConfigs.Parsed parsed = ModuleConfigs.parse(SPEC, raw, Map.of("token", "stored-secret"));

    assertTrue(parsed.isValid(), parsed.errors()::toString);
    assertEquals("stored-secret", parsed.config().secret("token").reveal());
    assertEquals(Map.of("token", "stored-secret"), parsed.secrets());
  }

  @Test
  void aSecretSentAsTheMaskKeepsItsStoredValue() {
    Map<String, Object> raw = validInput();
    raw.put("token", ModuleConfigs.MASK);

    ModuleConfigs.Parsed parsed = ModuleConfigs.parse(SPEC, raw, Map.of("token", "stored-secret"));

    assertTrue(parsed.isValid(), parsed.errors()::toString);
    assertEquals("stored-secret", parsed.config().secret("token").reveal());
    assertEquals(Map.of("token", "stored-secret"), parsed.secrets());
  }

  @Test
  void aSecretSentAsTheMaskWithNothingStoredIsRequired() {
    Map<String, Object> raw = validInput();
    raw.put("token", ModuleConfigs.MASK);

    assertEquals(List.of(new FieldError("token", "is required")),
        ModuleConfigs.parse(SPEC, raw, Map.of()).errors());
  }

  @Test
  void aNewSecretReplacesTheStoredOne() {
    ModuleConfigs.Parsed parsed = ModuleConfigs.parse(SPEC, validInput(), Map.of("token", "stored-secret"));

    assertEquals("s3cr3t-value", parsed.config().secret("token").reveal());
    assertEquals(Map.of("token", "s3cr3t-value"), parsed.secrets());
  }

  @Test
  void aSecretNeverAppearsInThePlainValues() {
    ModuleConfigs.Parsed parsed = ModuleConfigs.parse(SPEC, validInput(), Map.of());

    assertTrue(parsed.isValid(), parsed.errors()::toString);
    assertFalse(parsed.plain().containsKey("token"));
    assertFalse(JsonValues.write(parsed.plain()).contains("s3cr3t-value"), parsed.plain()::toString);
    assertFalse(parsed.config().toString().contains("s3cr3t-value"));
  }

  @Test
  void plainValuesAreStoredAsCanonicalText() {
    ModuleConfigs.Parsed parsed = ModuleConfigs.parse(SPEC, validInput(), Map.of());

    assertEquals("https://hooks.example.com/deskbridge", parsed.plain().get("url"));
    assertEquals("PT30S", parsed.plain().get("timeout"));
    assertEquals(5L, parsed.plain().get("retries"));
    assertEquals(List.of("message.created", "customer.updated"), parsed.plain().get("events"));
  }

  // --- load

  @Test
  void loadRebuildsTheSameTypedConfigFromWhatWasStored() {
    ModuleConfigs.Parsed parsed = ModuleConfigs.parse(SPEC, validInput(), Map.of());

    PluginConfig loaded = ModuleConfigs.load(SPEC, parsed.plain(), parsed.secrets());

    assertSameValues(parsed.config(), loaded);
  }

  @Test
  void loadRebuildsTheSameTypedConfigAfterAJsonRoundTrip() {
    ModuleConfigs.Parsed parsed = ModuleConfigs.parse(SPEC, validInput(), Map.of());
    String configJson = JsonValues.write(parsed.plain());
    String secretsJson = JsonValues.write(parsed.secrets());

    PluginConfig loaded = ModuleConfigs.load(SPEC, JsonValues.read(configJson), JsonValues.readStrings(secretsJson));

    assertSameValues(parsed.config(), loaded);
    assertEquals("  [Support]  ", loaded.string("prefix"));
    assertEquals(URI.create("https://hooks.example.com/deskbridge"), loaded.uri("url"));
    assertEquals(new Secret("s3cr3t-value"), loaded.secret("token"));
  }

  @Test
  void loadIgnoresStoredKeysTheModuleNoLongerHas() {
    ModuleConfigs.Parsed parsed = ModuleConfigs.parse(SPEC, validInput(), Map.of());
    Map<String, Object> plain = new HashMap<>(parsed.plain());
    plain.put("removedInVersion2", "x");

    PluginConfig loaded = ModuleConfigs.load(SPEC, plain, parsed.secrets());

    assertSameValues(parsed.config(), loaded);
    assertEquals(Optional.empty(), loaded.value("removedInVersion2"));
  }

  private static void assertSameValues(PluginConfig expected, PluginConfig actual) {
    for (ConfigProperty property : SPEC) {
      assertNotNull(expected.value(property.key()).orElse(null), property.key());
      assertEquals(expected.value(property.key()), actual.value(property.key()), property.key());
    }
  }

  @Test
  void anEmptyValueIsKeptWhereItIsASettingOfItsOwnAndSurvivesTheRoundTrip() {
    ConfigProperty askAfter = ConfigProperty.of("askAfter", ConfigType.STRING, "Ask after").defaultValue("PT5M")
        .emptyAllowed().build();

    assertEquals("", accepted(askAfter, ""));
    assertEquals("PT5M", ModuleConfigs.parse(List.of(askAfter), Map.of(), Map.of()).config().value("askAfter")
        .orElseThrow(), "absent still means the default");
    ModuleConfigs.Parsed saved = parseOne(askAfter, "");
    assertEquals(Optional.of(""), ModuleConfigs.load(List.of(askAfter), saved.plain(), Map.of()).value("askAfter"));
    assertEquals("PT5M", accepted(ConfigProperty.of("other", ConfigType.STRING, "Other").defaultValue("PT5M")
        .build(), ""), "elsewhere a blank field takes the default");
  }
}
