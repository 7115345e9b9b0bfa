package fr.sne.core.export;

import fr.sne.tenants.geographie.Commune;
import fr.sne.tenants.geographie.Geographie;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoire;
import fr.sne.tenants.territoire.Territoires;
import fr.sne.tenants.web.Probleme;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an export request against the contract and the caller's territory; every anomaly in
 * French, all at once. The result's départements are the reference data's codes ({@code 038} →
 * {@code 38}).
 */
@Singleton
class ValidationExport {

    /** A valid request, normalised. */
    record Parametres(List<Entite> entites, Integer profondeurDrm, String etat, List<String> departements,
                      List<String> communes) {
    }

    /** The request is refused with these anomalies. */
    static final class ExportInvalide extends RuntimeException {
        private final transient List<Probleme.Anomalie> anomalies;

        ExportInvalide(List<Probleme.Anomalie> anomalies) {
            super("Export invalide", null, false, false);
            this.anomalies = List.copyOf(anomalies);
        }

        List<Probleme.Anomalie> anomalies() {
            return anomalies;
        }
    }

    private static final int MAX_CODES = 1000;

    private final TenantTransactions transactions;
    private final Territoires territoires;
    private final Geographie geographie;

    ValidationExport(TenantTransactions transactions, Territoires territoires, Geographie geographie) {
        this.transactions = transactions;
        this.territoires = territoires;
        this.geographie = geographie;
    }

    Parametres valider(String territoire, DemandeExport d) {
        List<Probleme.Anomalie> anomalies = new ArrayList<>();
        Set<Entite> entites = new LinkedHashSet<>();
        if (d.entites() == null || d.entites().isEmpty()) {
            anomalies.add(new Probleme.Anomalie("OBLIGATOIRE", "entites", "Indiquez au moins une entité à exporter ("
                    + noms() + ")."));
        } else {
            for (int i = 0; i < d.entites().size(); i++) {
                String code = d.entites().get(i);
                Optional<Entite> e = Arrays.stream(Entite.values()).filter(x -> x.name().equals(code)).findFirst();
                if (e.isEmpty()) {
                    anomalies.add(new Probleme.Anomalie("CODE_INCONNU", "entites[" + i + "]",
                            "Entité inconnue « " + code + " » : valeurs possibles " + noms() + "."));
                } else {
                    entites.add(e.get());
                }
            }
        }
        if (d.profondeurDrm() != null && (d.profondeurDrm() < 1 || d.profondeurDrm() > 3)) {
            anomalies.add(new Probleme.Anomalie("HORS_LIMITES", "profondeurDrm", "La profondeur DRM est comprise entre 1 et 3."));
        }
        if (d.etat() != null && !d.etat().equals("ACTIVE") && !d.etat().equals("RADIEE")) {
            anomalies.add(new Probleme.Anomalie("CODE_INCONNU", "etat", "L'état vaut ACTIVE ou RADIEE."));
        }
        boolean parDepartements = d.departements() != null;
        boolean parCommunes = d.communes() != null;
        List<String> departements = null;
        List<String> communes = null;
        if (parDepartements == parCommunes) {
            anomalies.add(new Probleme.Anomalie("PERIMETRE", parDepartements ? "communes" : "departements",
                    parDepartements ? "Indiquez soit « departements », soit « communes », pas les deux."
                            : "Indiquez le périmètre : « departements » ou « communes »."));
        } else if (parDepartements) {
            departements = departements(territoire, d.departements(), anomalies);
        } else {
            communes = communes(territoire, d.communes(), anomalies);
        }
        if (!anomalies.isEmpty()) {
            throw new ExportInvalide(anomalies);
        }
        return new Parametres(List.copyOf(entites), d.profondeurDrm(), d.etat(), departements, communes);
    }

    private List<String> departements(String territoire, List<String> codes, List<Probleme.Anomalie> anomalies) {
        if (codes.isEmpty() || codes.size() > MAX_CODES) {
            anomalies.add(new Probleme.Anomalie("PERIMETRE", "departements", "Indiquez de 1 à " + MAX_CODES + " départements."));
            return null;
        }
        List<String> duTerritoire = transactions.withoutScope(() -> territoires.trouver(territoire))
                .map(Territoire::departements).orElse(List.of());
        Set<String> retenus = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i) == null ? "" : codes.get(i).strip();
            // the contract writes départements on three characters (038); the reference data on two (38)
            String court = code.length() == 3 && code.startsWith("0") ? code.substring(1) : code;
            if (!duTerritoire.contains(court)) {
                anomalies.add(new Probleme.Anomalie("HORS_TERRITOIRE", "departements[" + i + "]",
                        "Le département « " + code + " » n'appartient pas à votre territoire."));
            } else {
                retenus.add(court);
            }
        }
        return List.copyOf(retenus);
    }

    private List<String> communes(String territoire, List<String> codes, List<Probleme.Anomalie> anomalies) {
        if (codes.isEmpty() || codes.size() > MAX_CODES) {
            anomalies.add(new Probleme.Anomalie("PERIMETRE", "communes", "Indiquez de 1 à " + MAX_CODES + " communes."));
            return null;
        }
        List<String> duTerritoire = transactions.withoutScope(() -> territoires.trouver(territoire))
                .map(Territoire::departements).orElse(List.of());
        Set<String> retenues = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i) == null ? "" : codes.get(i).strip();
            Optional<Commune> commune = code.matches("[0-9][0-9AB][0-9]{3}")
                    ? transactions.withoutScope(() -> geographie.commune(code)) : Optional.empty();
            if (commune.isEmpty()) {
                anomalies.add(new Probleme.Anomalie("CODE_INCONNU", "communes[" + i + "]",
                        "Commune inconnue « " + code + " » (code INSEE sur 5 caractères attendu)."));
            } else if (!duTerritoire.contains(commune.get().departement())) {
                anomalies.add(new Probleme.Anomalie("HORS_TERRITOIRE", "communes[" + i + "]",
                        "La commune « " + code + " » n'appartient pas à votre territoire."));
            } else {
                retenues.add(code);
            }
        }
        return List.copyOf(retenues);
    }

    private static String noms() {
        return String.join(", ", Arrays.stream(Entite.values()).map(Enum::name).toList());
    }
}
