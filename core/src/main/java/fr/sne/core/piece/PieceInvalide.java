package fr.sne.core.piece;

import fr.sne.tenants.web.Probleme;

import java.util.List;

/** A deposit or a qualification with field anomalies (French messages); nothing was written. */
public final class PieceInvalide extends RuntimeException {

    private final transient List<Probleme.Anomalie> anomalies;

    public PieceInvalide(List<Probleme.Anomalie> anomalies) {
        super("Pièce justificative invalide : " + anomalies.size() + " anomalie(s)");
        this.anomalies = List.copyOf(anomalies);
    }

    public List<Probleme.Anomalie> anomalies() {
        return anomalies;
    }
}
