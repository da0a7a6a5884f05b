package io.deskbridge.core.plugin.spi;

/** A line a module adds to the customer card: "amoCRM lead #123, stage Won", with a link. */
public record CardEntry(String label, String value, String url) {}
