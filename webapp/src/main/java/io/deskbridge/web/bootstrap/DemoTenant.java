package io.deskbridge.web.bootstrap;

import io.deskbridge.core.agent.AgentService;
import io.deskbridge.core.agent.NewAgent;
import io.deskbridge.core.agent.Role;
import io.deskbridge.core.category.CategoryScope;
import io.deskbridge.core.category.CategoryService;
import io.deskbridge.core.department.DepartmentService;
import io.deskbridge.core.reply.SavedReplyService;
import io.deskbridge.core.rules.SupportRules;
import io.deskbridge.core.rules.SupportRulesService;
import io.deskbridge.core.rules.WorkflowOptions;
import io.deskbridge.core.tenant.Language;
import io.deskbridge.core.tenant.NewTenant;
import io.deskbridge.core.tenant.Tenant;
import io.deskbridge.core.tenant.TenantId;
import io.deskbridge.core.tenant.TenantRepository;
import io.deskbridge.core.tenant.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The tenant a first-time user logs into: a team of two, two departments, the handbooks' categories
 * and saved replies (with the hold keywords "минут" and "оформляю"). Created once, in one
 * transaction; passwords are generated and shown once.
 */
@ApplicationScoped
public class DemoTenant {

  public static final String SLUG = "demo";
  public static final String ADMIN_EMAIL = "admin@demo.deskbridge.test";
  public static final String AGENT_EMAIL = "agent@demo.deskbridge.test";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  @Inject TenantRepository tenantRepository;
  @Inject TenantService tenants;
  @Inject AgentService agents;
  @Inject DepartmentService departments;
  @Inject CategoryService categories;
  @Inject SavedReplyService replies;
  @Inject SupportRulesService rules;

  public record Logins(String adminPassword, String agentPassword) {}

  /** Creates the demo tenant unless it exists; returns the generated passwords when it did. */
  @Transactional
  public Optional<Logins> createIfMissing() {
    if (tenantRepository.slugTaken(SLUG)) {
      return Optional.empty();
    }
    Logins logins = new Logins(password(), password());
    Tenant tenant = tenants.create(new NewTenant(SLUG, "Demo Support", "Europe/Moscow", "ru",
        new NewTenant.FirstAdmin(ADMIN_EMAIL, "Anna Admin", logins.adminPassword())));
    TenantId id = tenant.tenantId();
    agents.create(id, new NewAgent(AGENT_EMAIL, "Ivan Agent", logins.agentPassword(), EnumSet.of(Role.AGENT)));
    departments.create(id, "Support", "First line: chats from every channel.");
    departments.create(id, "Integrations", "CRM and messenger integration questions.");
    categories.create(id, "How-to question", CategoryScope.OWN);
    categories.create(id, "Bug in our product", CategoryScope.OWN);
    categories.create(id, "Billing", CategoryScope.OWN);
    categories.create(id, "Third-party service (CRM, provider)", CategoryScope.THIRD_PARTY);
    replies.create(id, "Приветствие", "Здравствуйте, {{customer.name}}! Меня зовут {{agent.name}}, чем могу помочь?",
        Language.RU, List.of("greeting"), false);
    replies.create(id, "Одну минуту", "Одну минуту, пожалуйста, уточняю информацию.", Language.RU, List.of("hold"), true);
    replies.create(id, "Оформляю заявку", "Оформляю заявку для профильного отдела, вернусь с ответом.",
        Language.RU, List.of("hold", "transfer"), true);
    replies.create(id, "Вопрос еще актуален?", "Вопрос еще актуален?", Language.RU, List.of("closing"), false);
    replies.create(id, "Greeting", "Hello {{customer.name}}, this is {{agent.name}}. How can I help?",
        Language.EN, List.of("greeting"), false);
    replies.create(id, "One minute", "One minute please, I am checking this for you.", Language.EN, List.of("hold"), true);
    long vendorReply = replies.create(id, "Ждём поставщика", "{{customer.name}}, вопрос на стороне поставщика"
        + " сервиса. Мы передали ему запрос и напишем, как только получим ответ.", Language.RU, List.of("vendor"),
        false).id();
    rules.changeWorkflow(id, new WorkflowOptions(SupportRules.DEFAULT_REOPEN_WINDOW, vendorReply, false, null, null));
    return Optional.of(logins);
  }

  private static String password() {
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
