package io.deskbridge.plugin.bitrix;

import java.util.Optional;

/** How calls prove who they are: an inbound webhook's secret path, or an OAuth access token. */
interface PortalAuth {

  /** The {@code auth} parameter to add; empty when the address itself is the credential. */
  Optional<String> accessToken();

  /**
   * Bitrix24 answered {@code expired_token} for {@code token}: renew it if this kind can be renewed.
   *
   * @return whether the call is worth repeating with {@link #accessToken()}
   */
  boolean renewAfterExpiry(String token);

  /** The inbound webhook: its code is in {@code baseUrl}, nothing expires. */
  PortalAuth WEBHOOK = new PortalAuth() {
    @Override
    public Optional<String> accessToken() {
      return Optional.empty();
    }

    @Override
    public boolean renewAfterExpiry(String token) {
      return false;
    }
  };
}
