package io.deskbridge.core.access;

/** What an integration key may do: a channel gets INBOUND only, an integration gets FULL. */
public enum ApiKeyScope {
  /** May only post inbound customer messages: safe to hand to a chat widget or a channel bridge. */
  INBOUND,
  /** Acts as an integrator of the tenant. */
  FULL
}
