package io.deskbridge.core.plugin.spi;

/**
 * Something at a vendor a conversation is linked to, as the conversation shows it: {@code
 * {"type":"jira","key":"SUP-17","url":"https://…/browse/SUP-17","status":"In Progress"}}.
 *
 * @param type the module's kind of link, e.g. "jira"
 * @param status the vendor's last known status, or null when not known yet
 */
public record ExternalLink(String type, String key, String url, String status) {}
