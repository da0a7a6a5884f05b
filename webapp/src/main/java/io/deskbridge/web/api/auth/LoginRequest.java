package io.deskbridge.web.api.auth;

public record LoginRequest(String tenant, String email, String password) {}
