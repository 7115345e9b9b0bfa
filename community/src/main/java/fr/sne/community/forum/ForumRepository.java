package fr.sne.community.forum;

import fr.sne.community.espace.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The forums' tables; every call runs inside the space's scoped transaction. */
@Singleton
class ForumRepository {

    private static final String NOM = "coalesce(nullif(trim(coalesce(u.prenom, '') || ' ' || coalesce(u.nom, '')), ''), u.email)";
    private static final String SUJET = "SELECT s.*, " + NOM + " AS auteur, "
            + "(SELECT count(*) FROM forum_message m WHERE m.sujet_id = s.id AND m.statut = 'PUBLIE') - 1 AS reponses "
            + "FROM forum_sujet s JOIN utilisateur u ON u.id = s.auteur_id ";

    /** A version kept by an edit. */
    record Version(int version, String markdown, String html, Instant ecritLe, String auteur) {
    }

    /** A flag waiting in the review queue. */
    record Signalement(long id, long messageId, long sujetId, String sujetTitre, String extrait, String motif, String texte,
                       String auteur, Instant creeLe) {
    }

    /** A draft restored on a form. */
    record Brouillon(String titre, String markdown, Instant modifieLe) {
    }

    private final Sql sql;

    ForumRepository(Sql sql) {
        this.sql = sql;
    }

    // categories

    List<Categorie> categories(long espaceId) {
        return sql.liste("SELECT * FROM forum_categorie WHERE espace_id = ? ORDER BY ordre, nom, id", ForumRepository::categorie, espaceId);
    }

    Optional<Categorie> categorie(long id) {
        return sql.un("SELECT * FROM forum_categorie WHERE id = ?", ForumRepository::categorie, id);
    }

    long creerCategorie(long espaceId, String nom, String description, int ordre, boolean approbation, int modeLent) {
        return sql.cle("""
                INSERT INTO forum_categorie (espace_id, nom, description, ordre, approbation, mode_lent_secondes)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", espaceId, nom, description, ordre, approbation, modeLent);
    }

    boolean modifierCategorie(long id, int version, String nom, String description, int ordre, boolean approbation, int modeLent) {
        return sql.maj("""
                UPDATE forum_categorie SET nom = ?, description = ?, ordre = ?, approbation = ?, mode_lent_secondes = ?, version = version + 1
                 WHERE id = ? AND version = ?""", nom, description, ordre, approbation, modeLent, id, version) == 1;
    }

    // topics

    Optional<Sujet> sujet(long id) {
        return sql.un(SUJET + "WHERE s.id = ?", ForumRepository::sujet, id);
    }

    /** A category's topics: pinned first, then by last activity; pending ones only for moderators or their author. */
    List<Sujet> sujets(long categorieId, boolean moderateur, long lecteurId, int limite) {
        return sql.liste(SUJET + """
                WHERE s.categorie_id = ? AND s.fusionne_dans IS NULL AND (NOT s.en_attente OR ? OR s.auteur_id = ?)
                ORDER BY s.epingle DESC, s.dernier_message_le DESC, s.id DESC LIMIT ?""",
                ForumRepository::sujet, categorieId, moderateur, lecteurId, limite);
    }

    List<Sujet> derniersSujets(Collection<Long> espaces, int limite) {
        if (espaces.isEmpty()) {
            return List.of();
        }
        return sql.liste(SUJET + """
                WHERE s.espace_id = ANY(?) AND s.fusionne_dans IS NULL AND NOT s.en_attente
                ORDER BY s.dernier_message_le DESC, s.id DESC LIMIT ?""", ForumRepository::sujet, List.copyOf(espaces), limite);
    }

    long creerSujet(long espaceId, long categorieId, String titre, List<String> tags, long auteurId, Instant le, boolean enAttente) {
        return sql.cle("""
                INSERT INTO forum_sujet (espace_id, categorie_id, titre, tags, auteur_id, cree_le, dernier_message_le, en_attente)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", espaceId, categorieId, titre, tags, auteurId, le, le, enAttente);
    }

    void activite(long sujetId, Instant le) {
        sql.maj("UPDATE forum_sujet SET dernier_message_le = greatest(dernier_message_le, ?) WHERE id = ?", le, sujetId);
    }

    void drapeau(long id, String colonne, boolean valeur) {
        if (!List.of("epingle", "verrouille", "en_attente").contains(colonne)) {
            throw new IllegalArgumentException(colonne);
        }
        sql.maj("UPDATE forum_sujet SET " + colonne + " = ?, version = version + 1 WHERE id = ?", valeur, id);
    }

    void accepter(long sujetId, Long messageId) {
        sql.maj("UPDATE forum_sujet SET reponse_acceptee_id = ?, version = version + 1 WHERE id = ?", messageId, sujetId);
    }

    void deplacer(long sujetId, long espaceId, long categorieId) {
        sql.maj("UPDATE forum_sujet SET espace_id = ?, categorie_id = ?, version = version + 1 WHERE id = ?", espaceId, categorieId, sujetId);
        sql.maj("UPDATE forum_message SET espace_id = ? WHERE sujet_id = ?", espaceId, sujetId);
        sql.maj("UPDATE forum_signalement SET espace_id = ? WHERE message_id IN (SELECT id FROM forum_message WHERE sujet_id = ?)", espaceId, sujetId);
        sql.maj("UPDATE forum_message_version SET espace_id = ? WHERE message_id IN (SELECT id FROM forum_message WHERE sujet_id = ?)", espaceId, sujetId);
        sql.maj("UPDATE forum_merci SET espace_id = ? WHERE message_id IN (SELECT id FROM forum_message WHERE sujet_id = ?)", espaceId, sujetId);
        sql.maj("UPDATE forum_piece SET espace_id = ? WHERE message_id IN (SELECT id FROM forum_message WHERE sujet_id = ?)", espaceId, sujetId);
    }

    /** Moves every post of {@code source} into {@code cible} and leaves {@code source} as a redirect. */
    void fusionner(long source, long cible) {
        sql.maj("UPDATE forum_message SET sujet_id = ? WHERE sujet_id = ?", cible, source);
        sql.maj("""
                UPDATE forum_sujet SET dernier_message_le = (SELECT max(cree_le) FROM forum_message WHERE sujet_id = ?),
                       tags = ARRAY(SELECT DISTINCT unnest(tags || (SELECT tags FROM forum_sujet WHERE id = ?))), version = version + 1
                 WHERE id = ?""", cible, source, cible);
        sql.maj("UPDATE forum_sujet SET fusionne_dans = ?, reponse_acceptee_id = NULL, version = version + 1 WHERE id = ?", cible, source);
        // topics already merged into the source now redirect to the target in one step
        sql.maj("UPDATE forum_sujet SET fusionne_dans = ? WHERE fusionne_dans = ?", cible, source);
    }

    // posts

    List<Message> messages(long sujetId, long lecteurId) {
        return sql.liste("""
                SELECT m.*, %s AS auteur, (SELECT count(*) FROM forum_merci f WHERE f.message_id = m.id) AS mercis,
                       EXISTS (SELECT 1 FROM forum_merci f WHERE f.message_id = m.id AND f.utilisateur_id = ?) AS merci_donne
                  FROM forum_message m JOIN utilisateur u ON u.id = m.auteur_id
                 WHERE m.sujet_id = ? AND m.statut <> 'REFUSE' ORDER BY m.cree_le, m.id""".formatted(NOM),
                ForumRepository::message, lecteurId, sujetId);
    }

    Optional<Message> message(long id) {
        return sql.un("""
                SELECT m.*, %s AS auteur, 0 AS mercis, false AS merci_donne
                  FROM forum_message m JOIN utilisateur u ON u.id = m.auteur_id WHERE m.id = ?""".formatted(NOM),
                ForumRepository::message, id);
    }

    Optional<Long> messageParCourriel(String messageIdCourriel) {
        return sql.un("SELECT id FROM forum_message WHERE message_id_courriel = ?", rs -> rs.getLong(1), messageIdCourriel);
    }

    long creerMessage(long espaceId, long sujetId, long auteurId, String markdown, String html, Instant le, String statut,
                      List<Long> mentionnes, String messageIdCourriel) {
        return sql.cle("""
                INSERT INTO forum_message (espace_id, sujet_id, auteur_id, markdown, html, cree_le, statut, mentionnes, message_id_courriel)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::bigint[], ?) RETURNING id""",
                espaceId, sujetId, auteurId, markdown, html, le, statut, mentionnes,
                messageIdCourriel);
    }

    /** Keeps the current text as a version, then replaces it; false when someone else changed it first. */
    boolean modifierMessage(Message avant, int versionAttendue, String markdown, String html, List<Long> mentionnes, long parId, Instant le) {
        int n = sql.maj("""
                UPDATE forum_message SET markdown = ?, html = ?, mentionnes = ?::bigint[], modifie_le = ?, version = version + 1
                 WHERE id = ? AND version = ?""", markdown, html, mentionnes, le, avant.id(), versionAttendue);
        if (n == 1) {
            sql.maj("""
                    INSERT INTO forum_message_version (message_id, version, espace_id, markdown, html, ecrit_le, ecrit_par)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", avant.id(), avant.version(), avant.espaceId(), avant.markdown(), avant.html(),
                    avant.modifieLe() == null ? avant.creeLe() : avant.modifieLe(), avant.auteurId());
        }
        return n == 1;
    }

    List<Version> versions(long messageId) {
        return sql.liste("""
                SELECT v.version, v.markdown, v.html, v.ecrit_le, %s AS auteur
                  FROM forum_message_version v JOIN utilisateur u ON u.id = v.ecrit_par
                 WHERE v.message_id = ? ORDER BY v.version DESC""".formatted(NOM),
                rs -> new Version(rs.getInt("version"), rs.getString("markdown"), rs.getString("html"),
                        Sql.instant(rs, "ecrit_le"), rs.getString("auteur")), messageId);
    }

    void masquer(long messageId, boolean masque, String motif) {
        sql.maj("UPDATE forum_message SET masque = ?, masque_motif = ? WHERE id = ?", masque, masque ? motif : null, messageId);
    }

    void statut(long messageId, String statut) {
        sql.maj("UPDATE forum_message SET statut = ? WHERE id = ?", statut, messageId);
    }

    /** Posts waiting for approval in a space, oldest first. */
    List<Message> enAttente(long espaceId) {
        return sql.liste("""
                SELECT m.*, %s AS auteur, 0 AS mercis, false AS merci_donne
                  FROM forum_message m JOIN utilisateur u ON u.id = m.auteur_id
                 WHERE m.espace_id = ? AND m.statut = 'EN_ATTENTE' ORDER BY m.cree_le, m.id""".formatted(NOM),
                ForumRepository::message, espaceId);
    }

    /** Whether the member already has an approved post in the space (then no approval is needed). */
    boolean aDejaPublie(long espaceId, long auteurId) {
        return sql.un("SELECT 1 FROM forum_message WHERE espace_id = ? AND auteur_id = ? AND statut = 'PUBLIE' LIMIT 1",
                rs -> 1, espaceId, auteurId).isPresent();
    }

    /** The member's last post in the category (slow mode). */
    Optional<Instant> dernierMessage(long categorieId, long auteurId) {
        return sql.un("""
                SELECT max(m.cree_le) FROM forum_message m JOIN forum_sujet s ON s.id = m.sujet_id
                 WHERE s.categorie_id = ? AND m.auteur_id = ?""", rs -> Sql.instant(rs, "max"), categorieId, auteurId)
                .filter(java.util.Objects::nonNull);
    }

    // thanks

    boolean merci(long messageId, long espaceId, long utilisateurId, Instant le) {
        int supprimes = sql.maj("DELETE FROM forum_merci WHERE message_id = ? AND utilisateur_id = ?", messageId, utilisateurId);
        if (supprimes == 0) {
            sql.maj("INSERT INTO forum_merci (message_id, utilisateur_id, espace_id, cree_le) VALUES (?, ?, ?, ?)",
                    messageId, utilisateurId, espaceId, le);
            return true;
        }
        return false;
    }

    // drafts

    Optional<Brouillon> brouillon(long utilisateurId, String cle) {
        return sql.un("SELECT titre, markdown, modifie_le FROM forum_brouillon WHERE utilisateur_id = ? AND cle = ?",
                rs -> new Brouillon(rs.getString(1), rs.getString(2), Sql.instant(rs, "modifie_le")), utilisateurId, cle);
    }

    void enregistrerBrouillon(long utilisateurId, String cle, long espaceId, String titre, String markdown, Instant le) {
        sql.maj("""
                INSERT INTO forum_brouillon (utilisateur_id, cle, espace_id, titre, markdown, modifie_le) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (utilisateur_id, cle) DO UPDATE SET titre = EXCLUDED.titre, markdown = EXCLUDED.markdown, modifie_le = EXCLUDED.modifie_le""",
                utilisateurId, cle, espaceId, titre, markdown, le);
    }

    void supprimerBrouillon(long utilisateurId, String cle) {
        sql.maj("DELETE FROM forum_brouillon WHERE utilisateur_id = ? AND cle = ?", utilisateurId, cle);
    }

    // flags

    long signaler(long espaceId, long messageId, long auteurId, MotifSignalement motif, String texte, Instant le) {
        return sql.cle("""
                INSERT INTO forum_signalement (espace_id, message_id, auteur_id, motif, texte, cree_le)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", espaceId, messageId, auteurId, motif, texte, le);
    }

    List<Signalement> signalements(long espaceId) {
        return sql.liste("""
                SELECT f.id, f.message_id, m.sujet_id, s.titre, left(m.markdown, 200) AS extrait, f.motif, f.texte, %s AS auteur, f.cree_le
                  FROM forum_signalement f JOIN forum_message m ON m.id = f.message_id JOIN forum_sujet s ON s.id = m.sujet_id
                  JOIN utilisateur u ON u.id = f.auteur_id
                 WHERE f.espace_id = ? AND f.traite_le IS NULL ORDER BY f.cree_le, f.id""".formatted(NOM),
                rs -> new Signalement(rs.getLong("id"), rs.getLong("message_id"), rs.getLong("sujet_id"), rs.getString("titre"),
                        rs.getString("extrait"), rs.getString("motif"), rs.getString("texte"), rs.getString("auteur"),
                        Sql.instant(rs, "cree_le")), espaceId);
    }

    /** Closes the message's open flags with the moderator's decision. */
    void traiterSignalements(long messageId, long parId, String decision, Instant le) {
        sql.maj("UPDATE forum_signalement SET traite_le = ?, traite_par = ?, decision = ? WHERE message_id = ? AND traite_le IS NULL",
                le, parId, decision, messageId);
    }

    // attachments

    long ajouterPiece(long espaceId, long messageId, long auteurId, String nom, String typeMime, long taille, String cle, String texte, Instant le) {
        return sql.cle("""
                INSERT INTO forum_piece (espace_id, message_id, auteur_id, nom, type_mime, taille, cle_objet, texte, cree_le)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", espaceId, messageId, auteurId, nom, typeMime, taille, cle, texte, le);
    }

    Optional<PieceForum> piece(long id) {
        return sql.un("SELECT * FROM forum_piece WHERE id = ?", ForumRepository::piece, id);
    }

    /** A topic's attachments, by post. */
    List<PieceForum> pieces(long sujetId) {
        return sql.liste("""
                SELECT p.* FROM forum_piece p JOIN forum_message m ON m.id = p.message_id
                 WHERE m.sujet_id = ? ORDER BY p.id""", ForumRepository::piece, sujetId);
    }

    /** The extracted text of the attachments of a topic's published, visible posts (search). */
    String textePieces(long sujetId) {
        return String.join("\n", sql.liste("""
                SELECT p.nom || E'\n' || coalesce(p.texte, '') FROM forum_piece p JOIN forum_message m ON m.id = p.message_id
                 WHERE m.sujet_id = ? AND m.statut = 'PUBLIE' AND NOT m.masque ORDER BY p.id""", rs -> rs.getString(1), sujetId));
    }

    private static PieceForum piece(ResultSet rs) throws SQLException {
        return new PieceForum(rs.getLong("id"), rs.getLong("message_id"), rs.getLong("espace_id"), rs.getString("nom"),
                rs.getString("type_mime"), rs.getLong("taille"), rs.getString("cle_objet"), Sql.instant(rs, "cree_le"));
    }

    // search

    /** Every topic of the space's scope that is searchable (not merged away, not pending). */
    List<Long> sujetsIndexables() {
        return sql.liste("SELECT id FROM forum_sujet WHERE fusionne_dans IS NULL AND NOT en_attente ORDER BY id", rs -> rs.getLong(1));
    }

    private static Categorie categorie(ResultSet rs) throws SQLException {
        return new Categorie(rs.getLong("id"), rs.getLong("espace_id"), rs.getString("nom"), rs.getString("description"),
                rs.getInt("ordre"), rs.getBoolean("approbation"), rs.getInt("mode_lent_secondes"), rs.getInt("version"));
    }

    private static Sujet sujet(ResultSet rs) throws SQLException {
        return new Sujet(rs.getLong("id"), rs.getLong("espace_id"), rs.getLong("categorie_id"), rs.getString("titre"),
                Sql.textes(rs, "tags"), rs.getLong("auteur_id"), rs.getString("auteur"), Sql.instant(rs, "cree_le"),
                Sql.instant(rs, "dernier_message_le"), rs.getBoolean("epingle"), rs.getBoolean("verrouille"),
                rs.getBoolean("en_attente"), Sql.longOuNull(rs, "reponse_acceptee_id"), Sql.longOuNull(rs, "fusionne_dans"),
                rs.getInt("version"), Math.max(0, rs.getInt("reponses")));
    }

    private static Message message(ResultSet rs) throws SQLException {
        return new Message(rs.getLong("id"), rs.getLong("sujet_id"), rs.getLong("espace_id"), rs.getLong("auteur_id"),
                rs.getString("auteur"), rs.getString("markdown"), rs.getString("html"), Sql.instant(rs, "cree_le"),
                Sql.instant(rs, "modifie_le"), rs.getString("statut"), rs.getBoolean("masque"), rs.getString("masque_motif"),
                Sql.nombres(rs, "mentionnes"), rs.getInt("version"), rs.getInt("mercis"), rs.getBoolean("merci_donne"));
    }
}
