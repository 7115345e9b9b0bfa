package fr.sne.core.evenement;

import fr.sne.tenants.web.Probleme;

import java.util.List;

/** What a desk entered (an event, priority data) cannot be saved: each anomaly names its field, in French. */
public final class SaisieInvalide extends RuntimeException {

    private final List<Probleme.Anomalie> anomalies;

    public SaisieInvalide(List<Probleme.Anomalie> anomalies) {
        super("Saisie invalide : " + anomalies.size() + " anomalie(s)", null, false, false);
        this.anomalies = List.copyOf(anomalies);
    }

    public List<Probleme.Anomalie> anomalies() {
        return anomalies;
    }
}
