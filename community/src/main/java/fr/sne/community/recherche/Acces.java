package fr.sne.community.recherche;

/**
 * The visibility tokens stored with each indexed item and held by each user. Features add their
 * own tokens (a space's members, a ticket's organisation) through these factories only.
 */
public final class Acces {

    /** Anybody, signed in or not. */
    public static final String PUBLIC = "public";
    /** Every signed-in professional. */
    public static final String PROFESSIONNEL = "pro";

    private Acces() {
    }

    public static String territoire(String code) {
        return "territoire:" + code;
    }

    public static String espace(long id) {
        return "espace:" + id;
    }

    public static String organisation(String code) {
        return "organisation:" + code;
    }

    public static String equipe(long id) {
        return "equipe:" + id;
    }

    public static String utilisateur(long id) {
        return "utilisateur:" + id;
    }

    /** The national support agents (every support ticket). */
    public static String assistance() {
        return "assistance-nationale";
    }
}
