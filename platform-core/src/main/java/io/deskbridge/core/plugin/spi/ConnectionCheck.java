package io.deskbridge.core.plugin.spi;

/** The answer of "Test connection": whether the vendor accepted the configuration, and why not. */
public record ConnectionCheck(boolean ok, String detail) {

  public static ConnectionCheck ok(String detail) {
    return new ConnectionCheck(true, detail);
  }

  public static ConnectionCheck failed(String detail) {
    return new ConnectionCheck(false, detail);
  }
}
