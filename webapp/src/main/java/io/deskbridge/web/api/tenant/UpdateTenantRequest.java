package io.deskbridge.web.api.tenant;

import java.util.Map;

/** Changes to a tenant's profile; absent fields stay, a setting set to null is removed. */
public record UpdateTenantRequest(String name, String timezone, String language, Map<String, String> settings) {}
