package io.deskbridge.core.plugin;

import io.deskbridge.core.plugin.spi.PluginFactory;
import java.util.Map;
import java.util.Set;

/**
 * A module as one tenant sees it: what it is, whether it is on, its plain settings, and which
 * secrets are set (never their values).
 */
public record ModuleState(PluginFactory factory, boolean enabled, Map<String, Object> config,
    Set<String> secretsSet, Long version) {}
