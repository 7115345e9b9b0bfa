package fr.sne.community.recherche;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Actors, documents and an engine for the search tests. */
final class Fixtures {

    static final Instant MAINTENANT = Instant.parse("2026-06-15T10:00:00Z");
    static final Clock HORLOGE = Clock.fixed(MAINTENANT, ZoneId.of("Europe/Paris"));

    private Fixtures() {
    }

    static MoteurRecherche moteur() {
        return new MoteurRecherche(null, Reglages.parDefaut(), Libelles.communs(), HORLOGE);
    }

    static Actor.Professionnel pro(String territoire, Profil profil) {
        Habilitation h = new Habilitation(1, profil, profil.portee() == Profil.Portee.GUICHET ? territoire.substring(1) + "001" : null,
                "Guichet", profil.portee() == Profil.Portee.NATIONALE ? null : territoire, "Territoire " + territoire);
        return new Actor.Professionnel(10, "agent@sne.test", "Julie", "Martin", List.of(h), null);
    }

    static Actor.Professionnel agent038() {
        return pro("038", Profil.GUICHET_ENREGISTREUR);
    }

    static Actor.Professionnel national() {
        return pro("000", Profil.ADMINISTRATEUR_NATIONAL);
    }

    static DocumentIndexe doc(String id, String type, String titre, String texte, Set<String> acces, String... themes) {
        return new DocumentIndexe(id, type, titre, texte, List.of(themes), null, MAINTENANT.minusSeconds(86_400), "/info/" + id, acces);
    }

    static DocumentIndexe doc(String id, String titre, String texte) {
        return doc(id, "actualite", titre, texte, Set.of(Acces.PUBLIC));
    }
}
