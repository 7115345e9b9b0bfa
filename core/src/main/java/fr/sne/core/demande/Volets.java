package fr.sne.core.demande;

import fr.sne.tenants.identity.Actor;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every feature's panel for one application's page, in order. */
@Singleton
public class Volets {

    private final List<VoletDemande> volets;

    Volets(List<VoletDemande> volets) {
        this.volets = volets.stream().sorted(Comparator.comparingInt(VoletDemande::ordre)).toList();
    }

    public List<VoletDemande.Volet> pour(Actor actor, DemandeJson.Demande demande, VoletDemande.Lecteur lecteur) {
        return volets.stream().map(v -> v.volet(actor, demande, lecteur)).flatMap(Optional::stream).toList();
    }
}
