package fr.sne.community.abonnement;

/** A person's e-mail settings: the digest's frequency (weekly by default) and e-mails on or off. */
public record PreferencesCourriel(Frequence frequence, boolean courriels) {

    public enum Frequence {
        QUOTIDIEN("Chaque jour"), HEBDOMADAIRE("Chaque semaine (le lundi)");

        private final String libelle;

        Frequence(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }
    }

    public static final PreferencesCourriel DEFAUT = new PreferencesCourriel(Frequence.HEBDOMADAIRE, true);
}
