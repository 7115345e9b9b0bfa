package fr.sne.tenants.identity;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The clock every time-dependent rule reads; tests replace it. */
@Factory
class ClockFactory {
    @Singleton
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
