package io.deskbridge.core.customer;

/**
 * Filters of the customer search; all optional and combined with AND. {@code text} matches name,
 * email or phone; the cursor continues a previous page.
 */
public record CustomerSearch(String text, String email, String phone, String tag, String cursor, int limit) {}
