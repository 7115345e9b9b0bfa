package fr.sne.community.abonnement;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a subscription watches, written {@code type:valeur}: {@code espace:12}, {@code categorie:3},
 * {@code sujet:45}, {@code tag:radiation}. The most specific wins: topic, then category, then tag,
 * then space.
 */
public record Cible(Type type, String valeur) {

    public enum Type {
        SUJET("sujet", "Sujet"), CATEGORIE("categorie", "Catégorie"), TAG("tag", "Étiquette"), ESPACE("espace", "Espace");

        private final String code;
        private final String libelle;

        Type(String code, String libelle) {
            this.code = code;
            this.libelle = libelle;
        }

        public String code() {
            return code;
        }

        public String libelle() {
            return libelle;
        }

        static Optional<Type> de(String code) {
            for (Type t : values()) {
                if (t.code.equals(code)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}0-9][\\p{L}0-9_-]{0,59}");

    public static Cible espace(long id) {
        return new Cible(Type.ESPACE, Long.toString(id));
    }

    public static Cible categorie(long id) {
        return new Cible(Type.CATEGORIE, Long.toString(id));
    }

    public static Cible sujet(long id) {
        return new Cible(Type.SUJET, Long.toString(id));
    }

    public static Cible tag(String tag) {
        return new Cible(Type.TAG, tag.toLowerCase(Locale.ROOT));
    }

    /** Parses {@code type:valeur}; empty when malformed. */
    public static Optional<Cible> lire(String texte) {
        if (texte == null) {
            return Optional.empty();
        }
        int i = texte.indexOf(':');
        if (i <= 0) {
            return Optional.empty();
        }
        String valeur = texte.substring(i + 1).strip();
        return Type.de(texte.substring(0, i).strip()).flatMap(t -> {
            boolean valide = t == Type.TAG ? TAG.matcher(valeur).matches() : ID.matcher(valeur).matches();
            return valide ? Optional.of(t == Type.TAG ? tag(valeur) : new Cible(t, valeur)) : Optional.empty();
        });
    }

    public long id() {
        return Long.parseLong(valeur);
    }

    @Override
    public String toString() {
        return type.code() + ":" + valeur;
    }
}
