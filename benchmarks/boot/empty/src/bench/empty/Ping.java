package bench.empty;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/**
 * The boot benchmark's floor: a WAR with one JAX-RS resource and nothing else, so its start-up is
 * what Payara Micro itself costs.
 */
@ApplicationPath("/api")
public class Ping extends Application {

  @Path("ping")
  public static class Resource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String ping() {
      return "pong";
    }
  }

  @Override
  public java.util.Set<Class<?>> getClasses() {
    return java.util.Set.of(Resource.class);
  }
}
