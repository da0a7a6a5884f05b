package io.deskbridge.plugin.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.AgentAction;
import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.plugin.spi.ConfigType;
import io.deskbridge.core.plugin.spi.ConnectionCheck;
import io.deskbridge.core.plugin.spi.Secret;
import io.deskbridge.core.shared.FieldError;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

  final FakeJira jira = new FakeJira(FakeJira.Flavour.CLOUD);

  @AfterEach
  void stop() {
    assertEquals(List.of(), jira.specViolations());
    jira.close();
  }

  @Test
  void theContractKeysAreDeclaredWithTheirTypesAndDefaults() {
    JiraPluginFactory factory = new JiraPluginFactory();
    Map<String, ConfigProperty> spec = factory.configSpec().stream()
        .collect(Collectors.toMap(ConfigProperty::key, Function.identity()));
    assertEquals("jira", factory.id());
    assertEquals(ConfigType.URL, spec.get("baseUrl").type());
    assertTrue(spec.get("baseUrl").required());
    assertEquals(List.of("cloud", "datacenter"), spec.get("deployment").options());
    assertEquals(ConfigType.STRING, spec.get("email").type());
    assertTrue(spec.get("apiToken").isSecret());
    assertEquals("SUP", spec.get("projectKey").defaultValue());
    assertEquals("Task", spec.get("issueType").defaultValue());
    assertTrue(spec.get("webhookSecret").isSecret());
    assertEquals(ConfigType.DURATION, spec.get("pollInterval").type());
    assertFalse(spec.get("pollInterval").required());
    assertEquals(List.of("create", "link", "unlink"),
        TestTenant.of(jira).plugin().actions().stream().map(AgentAction::id).toList());
  }

  @Test
  void cloudNeedsTheAccountEmailButDataCenterDoesNot() {
    TestTenant cloud = TestTenant.of(jira).with("email", "");
    assertEquals(List.of(new FieldError("email",
        "is required for Jira Cloud (Basic auth is email and API token)")),
        new JiraPluginFactory().validate(cloud.config()));
    assertEquals(List.of(), new JiraPluginFactory().validate(cloud.with("deployment", "datacenter").config()));
  }

  @Test
  void mappingsLabelsAndProjectKeyAreCheckedBeforeSaving() {
    TestTenant t = TestTenant.of(jira).with("projectKey", "support desk").with("labels", List.of("vip customer"))
        .with("planPriorities", List.of("Gold")).with("categoryLabels", List.of("Billing=money matters"));
    List<String> fields = new JiraPluginFactory().validate(t.config()).stream().map(FieldError::field).toList();
    assertEquals(List.of("projectKey", "labels", "planPriorities", "categoryLabels"), fields);
  }

  @Test
  void testConnectionNamesTheJiraAccount() {
    ConnectionCheck check = TestTenant.of(jira).plugin().testConnection();
    assertTrue(check.ok(), check.detail());
    assertEquals("Connected to Jira Cloud as Deskbridge bot", check.detail());
  }

  @Test
  void testConnectionExplainsRejectedCredentials() {
    ConnectionCheck check = TestTenant.of(jira).with("apiToken", new Secret("revoked")).plugin().testConnection();
    assertFalse(check.ok());
    assertTrue(check.detail().contains("401") && check.detail().contains("check the email and API token"),
        check.detail());
  }
}
