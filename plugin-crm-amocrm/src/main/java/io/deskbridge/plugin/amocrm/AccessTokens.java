package io.deskbridge.plugin.amocrm;

/** Where the Bearer token of amoCRM calls comes from: a long-lived token or the OAuth grant. */
interface AccessTokens {

  String current();

  /**
   * amoCRM rejected {@code token} with 401: get a new one if this kind of token can be renewed.
   *
   * @return whether the call is worth repeating with {@link #current()}
   */
  boolean renewAfterRejection(String token);

  static AccessTokens fixed(String token) {
    return new AccessTokens() {
      @Override
      public String current() {
        return token;
      }

      @Override
      public boolean renewAfterRejection(String rejected) {
        return false;
      }
    };
  }
}
