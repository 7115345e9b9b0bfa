package fr.sne.community.espace;

import fr.sne.community.recherche.Acces;
import fr.sne.tenants.identity.Profil;

import java.time.Instant;
import java.util.Set;

/**
 * A community space. {@code territoire} is set for TERRITOIRE spaces, {@code profil} for PROFIL
 * spaces. An archived space stays readable, nobody posts in it any more.
 */
public record Espace(long id, String territoire, String slug, String nom, String description, Visibilite visibilite,
                     Profil profil, boolean archive, Instant creeLe, int version) {

    /** The search-engine tokens of everything in this space: its members hold {@code espace:<id>}. */
    public Set<String> acces() {
        return Set.of(Acces.espace(id));
    }

    /** Where the space's home is. */
    public String url() {
        return "/communaute/espaces/" + slug;
    }

    /** Who the space admits, in words (e.g. "Les professionnels d'un profil : Gestionnaire territorial"). */
    public String publicVise() {
        return switch (visibilite) {
            case PROFESSIONNELS, INVITATION -> visibilite.libelle();
            case TERRITOIRE -> visibilite.libelle() + " : " + territoire;
            case PROFIL -> visibilite.libelle() + " : " + profil.libelle();
        };
    }
}
