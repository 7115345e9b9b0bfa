package fr.sne.core.cycle;

import fr.sne.tenants.identity.Actor;

/** Who did it, as a professional reads it on the application's page (applicants see the desk only). */
final class Auteurs {

    private Auteurs() {
    }

    static String libelle(Actor actor) {
        return switch (actor) {
            case Actor.ClientApi c -> "Logiciel du guichet " + c.guichet();
            case Actor.Professionnel p -> p.nomAffiche() + p.habilitationActive()
                    .map(h -> " (" + (h.guichetNom() != null ? h.guichetNom() : h.profil().libelle()) + ")").orElse("");
            case Actor.Particulier p -> "Le demandeur";
            case Actor.Systeme s -> "Le système";
            case Actor.Anonyme a -> "Anonyme";
        };
    }
}
