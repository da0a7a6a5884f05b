package io.deskbridge.plugin.amocrm;

import static io.deskbridge.plugin.amocrm.TestTenant.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.event.CustomerUpdated;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.shared.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContactProfileTest {

  static final long PLAN = 512345;
  static final long ACCOUNT = 512346;

  final FakeAmoCrm amo = new FakeAmoCrm();

  @AfterEach
  void stop() {
    amo.close();
  }

  private TestTenant tenant() {
    return TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", "+79990001122")
        .with("contactTags", List.of("vip=VIP client", "wholesale"))
        .with("contactFields", List.of("plan=" + PLAN, "Account=" + ACCOUNT))
        .profile(40, List.of("abusive", "vip"), Map.of("plan", "Gold", "account", "A-17", "shoeSize", "42"));
  }

  private static List<String> tags(JsonNode contact) {
    List<String> names = new ArrayList<>();
    contact.path("_embedded").path("tags").forEach(t -> names.add(t.get("name").asText()));
    return names;
  }

  /** Custom field id → its value, for the account's own fields. */
  private static Map<Long, String> fields(JsonNode contact) {
    Map<Long, String> values = new LinkedHashMap<>();
    for (JsonNode f : contact.path("custom_fields_values")) {
      if (f.has("field_id")) {
        values.put(f.get("field_id").asLong(), f.path("values").get(0).get("value").asText());
      }
    }
    return values;
  }

  private static CustomerUpdated updated(long customer) {
    return new CustomerUpdated(TestTenant.ID, customer, Instant.now());
  }

  @Test
  void aNewContactCarriesOnlyTheMappedTagsAndAttributes() {
    TestTenant t = tenant();
    deliver(t.plugin(), t.opened(81, 40), 1);
    JsonNode contact = amo.contacts().get(0);
    assertEquals(List.of("VIP client"), tags(contact));
    assertEquals(Map.of(PLAN, "Gold", ACCOUNT, "A-17"), fields(contact));
    assertTrue(contact.toString().contains("+79990001122"), contact::toString);
  }

  @Test
  void aCustomerChangeReachesTheContactOnceAndKeepsTagsAmoCrmUsersAdded() {
    TestTenant t = tenant();
    AmoCrmPlugin plugin = t.plugin();
    assertTrue(plugin.wants(updated(40)));
    deliver(plugin, t.opened(81, 40), 1);
    long contact = amo.contacts().get(0).get("id").asLong();
    amo.userTagsContact(contact, "called twice");

    t.profile(40, List.of("wholesale"), Map.of("plan", "Silver"));
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, updated(40), 1).outcome());
    deliver(plugin, updated(40), 2);
    assertEquals(List.of("called twice", "wholesale"), tags(amo.contact(contact)));
    assertEquals(Map.of(PLAN, "Silver"), fields(amo.contact(contact)), "the account number was cleared");
    assertEquals(1, amo.contactUpdates());
  }

  @Test
  void aContactFoundByPhoneTakesTheProfileWhenFirstLinked() {
    long existing = amo.existingContact("Ada", "8 999 000 11 22", null, null);
    TestTenant t = tenant();
    deliver(t.plugin(), t.opened(81, 40), 1);
    deliver(t.plugin(), t.opened(82, 40), 1);
    assertEquals(List.of("VIP client"), tags(amo.contact(existing)));
    assertEquals(Map.of(PLAN, "Gold", ACCOUNT, "A-17"), fields(amo.contact(existing)));
    assertEquals(1, amo.contactUpdates());
  }

  @Test
  void withoutAMappingCustomerChangesAreNotQueued() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null);
    assertFalse(t.plugin().wants(updated(40)));
  }

  @Test
  void malformedMappingsAreReportedOnTheirField() {
    AmoCrmPluginFactory factory = new AmoCrmPluginFactory();
    assertEquals(List.of(new FieldError("contactFields", "'plan' is not name=id (e.g. Billing=142)")),
        factory.validate(tenant().with("contactFields", List.of("plan")).config()));
    assertEquals(List.of(new FieldError("contactTags", "'vip=' is not tag or tag=amoCRM tag")),
        factory.validate(tenant().with("contactTags", List.of("vip=")).config()));
  }
}
