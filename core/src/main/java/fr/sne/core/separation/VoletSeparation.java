package fr.sne.core.separation;

import fr.sne.core.demande.ActionDemande;
import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandePolicy;
import fr.sne.core.demande.DemandeService;
import fr.sne.core.demande.VoletDemande;
import fr.sne.tenants.identity.Actor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** On the professionals' page: the separation links, and the action when the desk may take it. */
@Singleton
class VoletSeparation implements VoletDemande {

    private final DemandeService demandes;
    private final DemandePolicy policy;

    VoletSeparation(DemandeService demandes, DemandePolicy policy) {
        this.demandes = demandes;
        this.policy = policy;
    }

    @Override
    public Optional<Volet> volet(Actor actor, DemandeJson.Demande demande, Lecteur lecteur) {
        if (lecteur != Lecteur.PROFESSIONNEL) {
            return Optional.empty();
        }
        DemandeService.Liens liens = demandes.liens(actor, demande);
        boolean possible = "ACTIVE".equals(demande.etat()) && !demande.contenu().cotitulairesOuVide().isEmpty()
                && policy.decider(actor, ActionDemande.CREER, demande.territoire()).autorisee();
        if (!possible && liens.origine() == null && liens.issues().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> m = new HashMap<>();
        m.put("numero", demande.numeroUnique());
        m.put("possible", possible);
        m.put("origine", liens.origine());
        m.put("issues", liens.issues());
        return Optional.of(new Volet("Séparation du couple", "volet-separation", "pro/demande/volets/separation", m));
    }

    @Override
    public int ordre() {
        return 25;
    }
}
