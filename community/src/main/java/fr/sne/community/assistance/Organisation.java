package fr.sne.community.assistance;

import fr.sne.community.recherche.Acces;
import fr.sne.tenants.identity.Habilitation;

/**
 * The organisation of the identity model a ticket can be shared with: the desk of a desk
 * habilitation, the territory of a territorial one (a GT's DDETS). National profiles have none.
 */
public record Organisation(Type type, String code, String libelle) {

    public enum Type { GUICHET, TERRITOIRE }

    public static Organisation de(Habilitation h) {
        return switch (h.profil().portee()) {
            case GUICHET -> h.guichet() == null ? null : new Organisation(Type.GUICHET, h.guichet(), h.guichetNom());
            case TERRITOIRE -> h.territoire() == null ? null
                    : new Organisation(Type.TERRITOIRE, h.territoire(), "Territoire " + h.territoireNom());
            case NATIONALE -> null;
        };
    }

    /** The search token of the organisation's members. */
    public String jeton() {
        return Acces.organisation(type == Type.GUICHET ? code : "territoire-" + code);
    }

    /** The key used in SQL filters: a desk code or {@code T} + territory code. */
    public String cle() {
        return type.name() + ":" + code;
    }
}
