package fr.sne.core.interfacenuu;

import fr.sne.tenants.web.Probleme;

import java.util.List;

/**
 * An interfaceNuu document refused before any business check: too large (413), not XML, a
 * DOCTYPE, another namespace or version, or not valid against the schema (400). The detail and
 * each anomaly are in French; anomalies name the element by its path.
 */
final class XmlRefuse extends RuntimeException {

    private final int status;
    private final String detail;
    private final List<Probleme.Anomalie> anomalies;

    XmlRefuse(int status, String detail, List<Probleme.Anomalie> anomalies) {
        super(detail, null, false, false);
        this.status = status;
        this.detail = detail;
        this.anomalies = List.copyOf(anomalies);
    }

    static XmlRefuse invalide(String detail, String code, String champ, String message) {
        return new XmlRefuse(400, detail, List.of(new Probleme.Anomalie(code, champ, message)));
    }

    int status() {
        return status;
    }

    String detail() {
        return detail;
    }

    List<Probleme.Anomalie> anomalies() {
        return anomalies;
    }
}
