package io.deskbridge.core.plugin.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.OAuthGrants.Grant;
import io.deskbridge.core.plugin.spi.testing.InMemoryMappings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OAuthGrantsTest {

  final InMemoryMappings mappings = new InMemoryMappings();
  final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

  OAuthGrants server(String secret) {
    return new OAuthGrants(mappings, new TokenVault("test-tokens", secret, "acme"), Clock.systemUTC(),
        () -> new IllegalStateException("unreadable"), () -> new IllegalStateException("busy"));
  }

  @Test
  void twoServersRefreshingAtOnceSpendTheRefreshTokenOnce() {
    Grant old = server("s").store(new Grant("a1", "r1", Optional.of(Instant.now().minusSeconds(1))));
    AtomicInteger exchanges = new AtomicInteger();
    List<CompletableFuture<Grant>> servers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      OAuthGrants grants = server("s");
      servers.add(CompletableFuture.supplyAsync(() -> grants.refresh(old, refresh -> {
        exchanges.incrementAndGet();
        sleep(300);
        return new Grant("a2", refresh + "-next", Optional.of(Instant.now().plusSeconds(3600)));
      })));
    }
    servers.forEach(s -> assertEquals("a2", s.join().access()));
    assertEquals(1, exchanges.get());
    assertEquals("r1-next", server("s").stored().orElseThrow().refresh());
  }

  @Test
  void tokensAreSealedAndAnotherSecretCannotReadThem() {
    server("s").store(new Grant("access-token", "refresh-token", Optional.empty()));
    assertFalse(mappings.remote.get("oauth:grant").contains("access-token"));
    assertThrows(IllegalStateException.class, () -> server("other").stored());
    assertEquals(Optional.empty(), server("s").stored().orElseThrow().expiresAt());
  }

  @Test
  void aGrantIsDueFiveMinutesBeforeItExpiresAndForgottenOnUninstall() {
    OAuthGrants grants = new OAuthGrants(mappings, new TokenVault("test-tokens", "s", "acme"), clock,
        IllegalStateException::new, IllegalStateException::new);
    assertTrue(grants.isDue(new Grant("a", "r", Optional.of(clock.instant().plusSeconds(299)))));
    assertFalse(grants.isDue(new Grant("a", "r", Optional.of(clock.instant().plusSeconds(301)))));
    assertFalse(grants.isDue(new Grant("a", "r", Optional.empty())), "unknown expiry: refresh when rejected");
    grants.store(new Grant("a", "r", Optional.empty()));
    grants.forget();
    assertEquals(Optional.empty(), grants.stored());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
