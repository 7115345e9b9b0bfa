package fr.sne.core.antifraude;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.VoletDemande;
import fr.sne.tenants.identity.Actor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The professionals' panel of an application's changes of names: the pending ones first, with
 * "Valider" / "Refuser" for those who may decide, then the history of the others.
 */
@Singleton
class VoletChangementsNom implements VoletDemande {

    private final ChangementNomService service;

    VoletChangementsNom(ChangementNomService service) {
        this.service = service;
    }

    @Override
    public Optional<Volet> volet(Actor actor, DemandeJson.Demande demande, Lecteur lecteur) {
        if (lecteur != Lecteur.PROFESSIONNEL) {
            return Optional.empty();
        }
        List<LigneChangement> lignes = service.deLaDemande(actor, demande).stream()
                .map(c -> LigneChangement.de(c.changement(), c.peutDecider())).toList();
        if (lignes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> m = new HashMap<>();
        m.put("numero", demande.numeroUnique());
        m.put("enAttente", lignes.stream().filter(l -> l.statutCode().equals("EN_ATTENTE")).toList());
        m.put("autres", lignes.stream().filter(l -> !l.statutCode().equals("EN_ATTENTE")).toList());
        return Optional.of(new Volet("Changements de nom", "changements-nom", "pro/demande/volets/changements-nom", m));
    }

    @Override
    public int ordre() {
        return 10;
    }
}
