package fr.sne.core.journal;

import fr.sne.tenants.identity.Actor;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What every change to an application leaves behind, written inside the change's own scoped
 * transaction: its GDM movement and, for the register's own steps, its system event in the
 * shared history. One place, so that no change forgets either.
 */
@Singleton
public class Journal {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JdbcOperations jdbc;
    private final CatalogueEvenements catalogue;
    private final Clock clock;

    Journal(JdbcOperations jdbc, CatalogueEvenements catalogue, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Appends a movement to the GDM feed; {@code type} among CRE, CRS, MOD, REN, RAD, DERAD, EVT, PJ. */
    public void mouvement(String territoire, String numero, String type, List<String> parties) {
        jdbc.prepareStatement("INSERT INTO mouvement (territoire, numero_unique, type, parties) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            ps.setString(3, type);
            ps.setArray(4, ps.getConnection().createArrayOf("text", parties.toArray()));
            return ps.executeUpdate();
        });
    }

    /**
     * Records a system event (dated today) caused by {@code actor}; returns its id. The desk of a
     * professional or API client is kept as the event's desk.
     */
    public long evenementSysteme(Actor actor, String territoire, String numero, String code, String commentaire) {
        TypeEvenement type = catalogue.type(code).filter(t -> t.origine() == TypeEvenement.Origine.SYSTEME)
                .orElseThrow(() -> new IllegalArgumentException("Not a system event: " + code));
        return inserer(territoire, numero, type.code(), "SYSTEME", aujourdhui(), commentaire, guichet(actor), auteur(actor));
    }

    /** Inserts an event row (used for desk events by the gestion partagée feature); returns its id. */
    public long inserer(String territoire, String numero, String code, String origine, LocalDate dateSurvenance,
                        String commentaire, String guichet, String auteur) {
        return inserer(territoire, numero, code, origine, dateSurvenance, commentaire, guichet, auteur, false);
    }

    /**
     * Inserts an event row; {@code parGestionnaire}: entered by the territory's management (GT),
     * which holds no desk ({@code guichet} null). Returns its id.
     */
    public long inserer(String territoire, String numero, String code, String origine, LocalDate dateSurvenance,
                        String commentaire, String guichet, String auteur, boolean parGestionnaire) {
        return jdbc.prepareStatement("""
                INSERT INTO evenement (territoire, numero_unique, code, origine, date_survenance, commentaire, guichet, auteur,
                                       par_gestionnaire)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            ps.setString(3, code);
            ps.setString(4, origine);
            ps.setDate(5, Date.valueOf(dateSurvenance));
            ps.setString(6, commentaire);
            ps.setString(7, guichet);
            ps.setString(8, auteur);
            ps.setBoolean(9, parGestionnaire);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The desk an actor acts for: an API client's, or a professional's active habilitation's. */
    public static String guichet(Actor actor) {
        return switch (actor) {
            case Actor.ClientApi c -> c.guichet();
            case Actor.Professionnel p -> p.habilitationActive().map(h -> h.guichet()).orElse(null);
            default -> null;
        };
    }

    /**
     * Who did it, as a professional reads it (a person with their desk, or their profile when they
     * have no desk, e.g. a territorial manager); applicants are shown the desk only, never this.
     */
    public static String libelle(Actor actor) {
        return switch (actor) {
            case Actor.ClientApi c -> "Logiciel du guichet " + c.guichet();
            case Actor.Professionnel p -> p.nomAffiche() + p.habilitationActive()
                    .map(h -> " (" + (h.guichetNom() != null ? h.guichetNom() : h.profil().libelle()) + ")").orElse("");
            case Actor.Particulier p -> "Le demandeur";
            case Actor.Systeme s -> "Le système";
            case Actor.Anonyme a -> "Anonyme";
        };
    }

    /** The actor's id as the audit trail knows it. */
    public static String auteur(Actor actor) {
        return switch (actor) {
            case Actor.ClientApi c -> "client:" + c.clientId();
            case Actor.Professionnel p -> p.email();
            case Actor.Particulier p -> "demandeur:" + p.compteId();
            case Actor.Systeme s -> "systeme:" + s.nom();
            case Actor.Anonyme a -> "anonyme";
        };
    }

    private LocalDate aujourdhui() {
        return LocalDate.now(clock.withZone(PARIS));
    }
}
