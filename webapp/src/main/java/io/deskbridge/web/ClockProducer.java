package io.deskbridge.web;

import io.deskbridge.core.shared.MicrosecondClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneOffset;

/** The one clock of the application; the domain takes it by injection so tests can move time. */
@ApplicationScoped
public class ClockProducer {

  @Produces
  @jakarta.inject.Singleton
  Clock clock() {
    return new MicrosecondClock(ZoneOffset.UTC);
  }
}
