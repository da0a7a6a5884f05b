package io.deskbridge.core.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.tenant.TenantId;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A visitor's pass opens their own chat at one tenant, on any instance sharing the key, and nothing else. */
class VisitorPassTest {

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  private final TenantId acme = new TenantId(1);
  private final VisitorPass pass = new VisitorPass(key(7));

  @Test
  void anotherInstanceWithTheSameKeyRecognisesTheVisitor() {
    VisitorPass.Issued issued = pass.issue(acme);
    assertEquals(Optional.of(issued.visitorId()), new VisitorPass(key(7)).visitorOf(acme, issued.token()));
  }

  @Test
  void everyVisitGetsItsOwnId() {
    assertNotEquals(pass.issue(acme).visitorId(), pass.issue(acme).visitorId());
  }

  @Test
  void aPassIsWorthlessAtAnotherTenantOrUnderAnotherKey() {
    String token = pass.issue(acme).token();
    assertTrue(pass.visitorOf(new TenantId(2), token).isEmpty());
    assertTrue(new VisitorPass(key(8)).visitorOf(acme, token).isEmpty());
  }

  @Test
  void aForgedOrAlteredPassIsRefused() {
    VisitorPass.Issued mine = pass.issue(acme);
    VisitorPass.Issued theirs = pass.issue(acme);
    String signature = mine.token().substring(mine.token().indexOf('.') + 1);
    assertTrue(pass.visitorOf(acme, theirs.visitorId() + "." + signature).isEmpty());
    assertTrue(pass.visitorOf(acme, theirs.visitorId()).isEmpty());
    assertTrue(pass.visitorOf(acme, null).isEmpty());
    assertTrue(pass.visitorOf(acme, "v-x.y").isEmpty());
  }
}
