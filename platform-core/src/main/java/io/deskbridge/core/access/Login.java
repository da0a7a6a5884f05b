package io.deskbridge.core.access;

import io.deskbridge.core.agent.Agent;
import java.time.Instant;

/** A successful login: the token (shown once) and who it belongs to. */
public record Login(SecretToken token, Agent agent, Instant expiresAt) {}
