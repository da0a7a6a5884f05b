package io.deskbridge.core.tenant;

import java.util.Locale;
import java.util.Optional;

/** The languages the handbooks' teams support customers in. */
public enum Language {
  RU,
  EN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Language> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Language language : values()) {
      if (language.code().equalsIgnoreCase(code.trim())) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}
