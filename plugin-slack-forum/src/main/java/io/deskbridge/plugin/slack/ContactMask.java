package io.deskbridge.plugin.slack;

import java.util.regex.Pattern;

/** Hides the customer's emails and phone numbers in words posted to a channel many people read. */
final class ContactMask {

  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
  private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{5,}\\d");

  private ContactMask() {}

  static String apply(String text) {
    return PHONE.matcher(EMAIL.matcher(text).replaceAll("[email]")).replaceAll("[phone]");
  }
}
