package fr.sne.core.demande;

import fr.sne.tenants.web.Probleme;

import java.util.List;

/** A request the register cannot accept as it is: each anomaly names its field, in French. */
public final class DemandeInvalide extends RuntimeException {

    private final List<Probleme.Anomalie> anomalies;

    public DemandeInvalide(List<Probleme.Anomalie> anomalies) {
        super("Demande invalide : " + anomalies.size() + " anomalie(s)", null, false, false);
        this.anomalies = List.copyOf(anomalies);
    }

    public List<Probleme.Anomalie> anomalies() {
        return anomalies;
    }
}
