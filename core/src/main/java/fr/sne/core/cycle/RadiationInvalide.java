package fr.sne.core.cycle;

import fr.sne.tenants.web.Probleme;

import java.util.List;

/** A radiation or de-radiation that cannot be recorded as asked: every field anomaly at once; nothing written. */
public final class RadiationInvalide extends RuntimeException {

    private final List<Probleme.Anomalie> anomalies;

    public RadiationInvalide(List<Probleme.Anomalie> anomalies) {
        super("Radiation invalide : " + anomalies.stream().map(Probleme.Anomalie::champ).toList(), null, false, false);
        this.anomalies = List.copyOf(anomalies);
    }

    public List<Probleme.Anomalie> anomalies() {
        return anomalies;
    }
}
