package fr.sne.core.enligne;

import fr.sne.core.demande.DemandeJson;
import fr.sne.tenants.geographie.Commune;
import fr.sne.tenants.geographie.Geographie;
import fr.sne.tenants.territoire.Territoire;
import fr.sne.tenants.territoire.Territoires;
import fr.sne.tenants.web.Probleme;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The territory an online application goes to: the one of the département of its first wanted
 * commune. An online application concerns one territory only (applying in several territories
 * means one application in each): the other wanted communes must lie in the same territory.
 * Reads reference data: runs inside a transaction.
 */
@Singleton
class CibleTerritoriale {

    private static final String PREMIERE = "logementRecherche.communesSouhaitees[0]";

    /** The territory (null while unknown), the départements it covers, and what prevents filing there. */
    record Cible(Territoire territoire, List<String> departements, List<Probleme.Anomalie> anomalies) {
    }

    private final Geographie geographie;
    private final Territoires territoires;

    CibleTerritoriale(Geographie geographie, Territoires territoires) {
        this.geographie = geographie;
        this.territoires = territoires;
    }

    Cible de(DemandeJson.Contenu contenu) {
        DemandeJson.LogementRecherche recherche = contenu.logementRecherche();
        List<String> communes = recherche == null || recherche.communesSouhaitees() == null ? List.of() : recherche.communesSouhaitees();
        Optional<Commune> premiere = communes.isEmpty() ? Optional.empty() : commune(communes.getFirst());
        if (premiere.isEmpty()) {
            // no commune, or an unknown one: the register's own checks say so
            return new Cible(null, List.of(), List.of());
        }
        String departement = premiere.get().departement();
        Optional<Territoire> territoire = territoires.territoireDuDepartement(departement).flatMap(territoires::trouver);
        List<Probleme.Anomalie> anomalies = new ArrayList<>();
        if (territoire.isEmpty()) {
            anomalies.add(new Probleme.Anomalie("HORS_TERRITOIRE", PREMIERE, "Le dépôt en ligne n’est pas encore ouvert pour "
                    + premiere.get().nom() + " (département " + departement + ") : adressez-vous à un guichet enregistreur du département."));
            return new Cible(null, List.of(departement), anomalies);
        }
        Territoire t = territoire.get();
        if ("SPTA".equals(t.mode())) {
            anomalies.add(new Probleme.Anomalie("HORS_TERRITOIRE", PREMIERE, "En " + t.nom() + ", les demandes sont enregistrées "
                    + "par le fichier partagé du département, pas en ligne : adressez-vous à un guichet enregistreur."));
        }
        for (int i = 1; i < communes.size(); i++) {
            Optional<Commune> autre = commune(communes.get(i));
            if (autre.isPresent() && !t.departements().contains(autre.get().departement())) {
                anomalies.add(new Probleme.Anomalie("AUTRE_TERRITOIRE", "logementRecherche.communesSouhaitees[" + i + "]",
                        autre.get().nom() + " ne se trouve pas dans le même territoire que la première commune souhaitée ("
                                + t.nom() + ") : une demande en ligne ne concerne qu’un territoire. Retirez cette commune "
                                + "et déposez une autre demande pour ce territoire."));
            }
        }
        return new Cible(t, t.departements(), anomalies);
    }

    private Optional<Commune> commune(String code) {
        return code == null || code.length() != 5 ? Optional.empty() : geographie.commune(code);
    }
}
