package io.deskbridge.web;

import io.deskbridge.web.api.agent.AgentResource;
import io.deskbridge.web.api.apikey.ApiKeyResource;
import io.deskbridge.web.api.auth.AuthResource;
import io.deskbridge.web.api.category.CategoryResource;
import io.deskbridge.web.api.conversation.ConversationResource;
import io.deskbridge.web.api.customer.CustomerResource;
import io.deskbridge.web.api.department.DepartmentResource;
import io.deskbridge.web.api.inbound.InboundResource;
import io.deskbridge.web.api.live.LiveResource;
import io.deskbridge.web.api.module.ModuleResource;
import io.deskbridge.web.api.outbox.OutboxResource;
import io.deskbridge.web.api.problem.DomainProblemMapper;
import io.deskbridge.web.api.problem.HttpProblemMapper;
import io.deskbridge.web.api.problem.JsonProblemMapper;
import io.deskbridge.web.api.problem.UnexpectedProblemMapper;
import io.deskbridge.web.api.reply.SavedReplyResource;
import io.deskbridge.web.api.report.ReportResource;
import io.deskbridge.web.api.rules.RulesResource;
import io.deskbridge.web.api.sla.SlaPolicyResource;
import io.deskbridge.web.api.sla.SupportPlanResource;
import io.deskbridge.web.api.tenant.TenantResource;
import io.deskbridge.web.api.transfer.TransferReasonResource;
import io.deskbridge.web.security.AccessCheck;
import io.deskbridge.web.security.BearerAuthentication;
import io.deskbridge.web.security.RequestSizeLimit;
import io.deskbridge.web.widget.RateLimitProblemMapper;
import io.deskbridge.web.widget.WidgetCors;
import io.deskbridge.web.widget.WidgetResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.glassfish.jersey.jackson.JacksonFeature;

/**
 * The REST API under /api/v1. Components are listed, not scanned, so what the API consists of is
 * visible here. Jackson is registered without its own exception mappers: malformed JSON must come
 * back as problem+json like every other error.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info = @Info(title = "Deskbridge API", version = "1",
        description = "Multi-tenant helpdesk: conversations, customers, agents, inbound channels.",
        license = @License(name = "Apache-2.0")),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
    description = "An agent token from /auth/login, an API key, or the platform admin token.")
public class RestApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        TenantResource.class, AuthResource.class, AgentResource.class, ApiKeyResource.class,
        DepartmentResource.class, CategoryResource.class, CustomerResource.class,
        ConversationResource.class, InboundResource.class, SavedReplyResource.class,
        ModuleResource.class, OutboxResource.class, ReportResource.class,
        RulesResource.class, SlaPolicyResource.class, SupportPlanResource.class, TransferReasonResource.class,
        WidgetResource.class, WidgetCors.class, RateLimitProblemMapper.class, LiveResource.class,
        BearerAuthentication.class, AccessCheck.class, RequestSizeLimit.class,
        DomainProblemMapper.class, HttpProblemMapper.class, JsonProblemMapper.class,
        UnexpectedProblemMapper.class, JsonMapping.class);
  }

  @Override
  public Set<Object> getSingletons() {
    return Set.of(JacksonFeature.withoutExceptionMappers());
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.jsonFeature", "JacksonFeature");
  }
}
