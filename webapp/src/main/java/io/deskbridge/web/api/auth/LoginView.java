package io.deskbridge.web.api.auth;

import io.deskbridge.web.api.agent.AgentView;

/** The token is shown here once; only its digest is stored. */
public record LoginView(String token, String tokenType, String expiresAt, String tenant, AgentView agent) {}
