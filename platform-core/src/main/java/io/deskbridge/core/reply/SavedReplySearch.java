package io.deskbridge.core.reply;

import io.deskbridge.core.tenant.Language;

/** Finds saved replies by words in title or body, language and tag; all optional. */
public record SavedReplySearch(String text, Language language, String tag) {}
