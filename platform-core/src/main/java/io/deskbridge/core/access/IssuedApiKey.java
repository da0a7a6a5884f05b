package io.deskbridge.core.access;

/** A new API key: the secret is in this object only, never stored or shown again. */
public record IssuedApiKey(ApiKey key, SecretToken secret) {}
