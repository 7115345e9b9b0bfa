package fr.sne.tenants.identity;

import fr.sne.tenants.tenancy.Scope;

/** An active habilitation: a profile held on a desk, a territory, or nationally. */
public record Habilitation(long id, Profil profil, String guichet, String guichetNom, String territoire,
                           String territoireNom) {

    /** The database scope this habilitation works in (national roles: read-only national). */
    public Scope scope() {
        return profil.portee() == Profil.Portee.NATIONALE ? Scope.nationalReadOnly() : Scope.territoire(territoire);
    }

    /** Short French description, e.g. "Guichet enregistreur — ACTIS (38001)". */
    public String libelle() {
        return switch (profil.portee()) {
            case GUICHET -> profil.libelle() + " — " + guichetNom + " (" + guichet + ")";
            case TERRITOIRE -> profil.libelle() + " — " + territoireNom + " (" + territoire + ")";
            case NATIONALE -> profil.libelle();
        };
    }
}
