package fr.sne.core.antifraude;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.VoletDemande;
import fr.sne.tenants.identity.Actor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The applicant's panel "Historique des modifications" on their application's page. */
@Singleton
class VoletHistorique implements VoletDemande {

    private final HistoriqueModifications historique;

    VoletHistorique(HistoriqueModifications historique) {
        this.historique = historique;
    }

    @Override
    public Optional<Volet> volet(Actor actor, DemandeJson.Demande demande, Lecteur lecteur) {
        if (lecteur != Lecteur.DEMANDEUR || !(actor instanceof Actor.Particulier p)) {
            return Optional.empty();
        }
        List<HistoriqueModifications.Entree> entrees = historique.pour(p, demande);
        return Optional.of(new Volet("Historique des modifications", "historique", "portail/demande/volets/historique", Map.of("entrees", entrees)));
    }

    @Override
    public int ordre() {
        return 60;
    }
}
