package io.deskbridge.web.api.auth;

import io.deskbridge.core.access.AccessService;
import io.deskbridge.core.access.Login;
import io.deskbridge.web.api.RequestBody;
import io.deskbridge.web.api.Timestamps;
import io.deskbridge.web.api.agent.AgentView;
import io.deskbridge.web.security.Access;
import io.deskbridge.web.security.AccessLevel;
import io.deskbridge.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication", description = "Agent login tokens.")
public class AuthResource {

  @Inject AccessService access;
  @Inject CurrentCaller caller;

  @POST
  @Path("login")
  @Access(AccessLevel.ANONYMOUS)
  @Operation(summary = "Log in with email and password",
      description = "Returns a bearer token. A wrong password and an unknown email get the same 401.")
  public LoginView login(LoginRequest request) {
    LoginRequest r = RequestBody.require(request);
    Login login = access.login(r.tenant(), r.email(), r.password());
    return new LoginView(login.token().value(), "Bearer", Timestamps.iso(login.expiresAt()),
        r.tenant().trim(), AgentView.of(login.agent()));
  }

  @POST
  @Path("logout")
  @Access(AccessLevel.AUTHENTICATED)
  @Operation(summary = "Revoke the token this request was made with")
  public void logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    access.logout(authorization.substring("Bearer ".length()).trim());
  }

  @GET
  @Path("me")
  @Access(AccessLevel.AUTHENTICATED)
  @Operation(summary = "Who the presented token belongs to")
  public CallerView me() {
    return CallerView.of(caller.get());
  }
}
