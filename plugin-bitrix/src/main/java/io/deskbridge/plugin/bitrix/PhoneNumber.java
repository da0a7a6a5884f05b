package io.deskbridge.plugin.bitrix;

/** A phone as Bitrix24's duplicate search compares it: digits with a plus, Russia's trunk 8 read as +7. */
final class PhoneNumber {

  private PhoneNumber() {}

  static String normalised(String phone) {
    String d = phone.replaceAll("\\D", "");
    if (d.length() == 11 && d.startsWith("8")) {
      d = "7" + d.substring(1);
    }
    return d.isEmpty() ? "" : "+" + d;
  }
}
