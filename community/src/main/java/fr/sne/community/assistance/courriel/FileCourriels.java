package fr.sne.community.assistance.courriel;

import fr.sne.community.espace.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tickets' outbound mail queue ({@code courriel_assistance}); always called inside a scoped
 * transaction (national scopes: the queue crosses territories).
 */
@Singleton
class FileCourriels {

    /** A mail to queue. */
    record Nouveau(long ticketId, Evenement evenement, Long destinataireId, String destinataire, String objet, String texte,
                   String messageId, String inReplyTo, List<String> references) {
    }

    /** A queued mail claimed for sending. */
    record AEnvoyer(long id, long ticketId, String destinataire, String objet, String texte, String messageId, String inReplyTo,
                    String chaine, int tentatives) {
    }

    enum Evenement { CREATION, REPONSE, STATUT, REFUS }

    private final Sql sql;

    FileCourriels(Sql sql) {
        this.sql = sql;
    }

    void enfiler(Nouveau n, Instant le) {
        sql.maj("""
                INSERT INTO courriel_assistance (ticket_id, evenement, destinataire_id, destinataire, objet, texte, message_id,
                                                 in_reply_to, chaine, etat, prochain_essai, cree_le)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'A_ENVOYER', ?, ?)""",
                n.ticketId(), n.evenement(), n.destinataireId(), n.destinataire(), n.objet(), n.texte(), n.messageId(), n.inReplyTo(),
                String.join(" ", n.references()), le, le);
    }

    /** The Message-IDs of the ticket's earlier mails (refusals excluded), oldest first. */
    List<String> precedents(long ticketId) {
        return sql.liste("SELECT message_id FROM courriel_assistance WHERE ticket_id = ? AND evenement <> 'REFUS' ORDER BY cree_le, id",
                rs -> rs.getString(1), ticketId);
    }

    /** The latest earlier mail of the ticket to this address (what a new one answers in the thread). */
    Optional<String> dernierA(long ticketId, String destinataire) {
        return sql.un("""
                SELECT message_id FROM courriel_assistance WHERE ticket_id = ? AND lower(destinataire) = lower(?)
                AND evenement <> 'REFUS' ORDER BY cree_le DESC, id DESC LIMIT 1""", rs -> rs.getString(1), ticketId, destinataire);
    }

    /** The ticket one of these Message-IDs was sent for, if any (newest reference first). */
    Optional<Long> ticketDe(List<String> messageIds) {
        for (String id : messageIds) {
            Optional<Long> t = sql.un("SELECT ticket_id FROM courriel_assistance WHERE message_id = ? AND evenement <> 'REFUS'",
                    rs -> rs.getLong(1), id);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    /** Whether a refusal answering this inbound mail was already queued (the same mail delivered twice). */
    boolean refusDeja(String inReplyTo) {
        return sql.un("SELECT 1 FROM courriel_assistance WHERE evenement = 'REFUS' AND in_reply_to = ?", rs -> true, inReplyTo).isPresent();
    }

    /**
     * Claims up to {@code n} due mails: waiting ones whose time has come, and ones claimed by a node
     * whose lease ran out (it died mid-sending: sent again, with the same Message-ID).
     */
    List<AEnvoyer> reclamer(UUID jeton, Instant maintenant, Instant finBail, int n) {
        return sql.liste("""
                UPDATE courriel_assistance c SET etat = 'EN_COURS', jeton = ?::uuid, reclame_le = ?, tentatives = c.tentatives + 1
                WHERE c.id IN (SELECT id FROM courriel_assistance
                               WHERE (etat = 'A_ENVOYER' AND prochain_essai <= ?) OR (etat = 'EN_COURS' AND reclame_le < ?)
                               ORDER BY prochain_essai, id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING c.id, c.ticket_id, c.destinataire, c.objet, c.texte, c.message_id, c.in_reply_to, c.chaine, c.tentatives""",
                rs -> new AEnvoyer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getInt(9)), jeton.toString(), maintenant, maintenant, finBail, n);
    }

    /** Records the outcome, only if the claim is still ours. */
    boolean terminer(long id, UUID jeton, String etat, String diagnostic, Instant prochainEssai, Instant envoyeLe) {
        return sql.maj("""
                UPDATE courriel_assistance SET etat = ?, diagnostic = ?, prochain_essai = coalesce(?, prochain_essai), envoye_le = ?,
                       jeton = NULL, reclame_le = NULL
                WHERE id = ? AND jeton = ?::uuid""", etat, diagnostic, prochainEssai, envoyeLe, id, jeton.toString()) == 1;
    }

    /** A ticket's queued mails, for tests and support: recipient, subject, state. */
    record Trace(String destinataire, String objet, String etat, String messageId, String inReplyTo, String chaine) {
    }

    List<Trace> traces(long ticketId) {
        List<Trace> t = new ArrayList<>(sql.liste("""
                SELECT destinataire, objet, etat, message_id, in_reply_to, chaine FROM courriel_assistance WHERE ticket_id = ?
                ORDER BY cree_le, id""",
                rs -> new Trace(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                ticketId));
        return List.copyOf(t);
    }
}
