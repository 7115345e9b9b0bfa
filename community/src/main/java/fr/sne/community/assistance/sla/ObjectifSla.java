package fr.sne.community.assistance.sla;

import java.time.Duration;

/** The targets of a type and priority, in business time. */
public record ObjectifSla(Duration premiereReponse, Duration resolution) {
}
