package io.deskbridge.web.hooks;

import io.deskbridge.web.JsonMapping;
import io.deskbridge.web.api.problem.DomainProblemMapper;
import io.deskbridge.web.api.problem.HttpProblemMapper;
import io.deskbridge.web.api.problem.UnexpectedProblemMapper;
import io.deskbridge.web.security.RequestSizeLimit;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.jackson.JacksonFeature;

/** Inbound webhooks of modules, apart from the API: no bearer authentication, same error shapes. */
@ApplicationPath("/hooks")
public class HooksApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(HookResource.class, RequestSizeLimit.class, DomainProblemMapper.class,
        HttpProblemMapper.class, UnexpectedProblemMapper.class, JsonMapping.class);
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
