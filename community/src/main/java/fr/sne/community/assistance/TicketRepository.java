package fr.sne.community.assistance;

import fr.sne.community.espace.Sql;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tickets, their sharing, participants, comments, attachments and history in PostgreSQL; always
 * inside a scoped transaction (see V34 for the row-level security). Who may see what is decided
 * by {@link AssistancePolicy}; {@link #visibles} is its SQL form for lists.
 */
@Singleton
public class TicketRepository {

    private static final String COLONNES = """
            t.id, t.territoire, t.cle, t.type_id, t.application, t.theme, t.priorite, t.resume, t.description_markdown,
            t.champs::text AS champs, t.demandeur_id, trim(coalesce(d.prenom, '') || ' ' || coalesce(d.nom, '')) AS demandeur_nom,
            d.email AS demandeur_courriel, t.organisation_type, t.organisation, t.organisation_libelle, t.partage_organisation,
            t.statut, t.agent_id, trim(coalesce(a.prenom, '') || ' ' || coalesce(a.nom, '')) AS agent_nom, t.cree_le,
            t.premiere_reponse_le, t.resolu_le, t.termine_le, t.modifie_le, t.version""";
    private static final String DEPUIS = " FROM ticket_assistance t JOIN utilisateur d ON d.id = t.demandeur_id "
            + "LEFT JOIN utilisateur a ON a.id = t.agent_id ";
    private static final String AGENTS = "('ASSISTANCE_NATIONALE', 'ADMINISTRATEUR_NATIONAL')";

    private final Sql sql;
    private final JsonMapper json;

    TicketRepository(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** What a new ticket is made of. */
    public record Nouveau(String territoire, long typeId, ApplicationAssistee application, ThemeAssistance theme,
                          Priorite priorite, String resume, String descriptionMarkdown, Map<String, String> champs,
                          long demandeurId, Organisation organisation, boolean partageOrganisation, Instant le) {
    }

    /** The criteria of a list ("Mes demandes", the agents' queues). */
    public record Criteres(Set<StatutTicket> statuts, Long typeId, ApplicationAssistee application, ThemeAssistance theme,
                           LocalDate du, LocalDate au, Portee portee, List<Long> idsRecherche, Long agentId) {
        public Criteres {
            statuts = statuts == null ? Set.of() : Set.copyOf(statuts);
        }
    }

    /** Which of the visible tickets a requester's list shows. */
    public enum Portee { TOUTES, MIENNES, ORGANISATION, EQUIPES }

    /** One page of tickets and the total. */
    public record Page(List<Ticket> tickets, long total, int page, int pages) {
    }

    public long inserer(Nouveau n) {
        Organisation o = n.organisation();
        return sql.un("""
                INSERT INTO ticket_assistance (territoire, cle, type_id, application, theme, priorite, resume, description_markdown,
                    champs, demandeur_id, organisation_type, organisation, organisation_libelle, partage_organisation, statut,
                    cree_le, modifie_le)
                VALUES (?, 'AST-0000-000000', ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, 'OUVERT', ?, ?) RETURNING id""",
                rs -> rs.getLong(1), n.territoire(), n.typeId(), n.application(), n.theme(), n.priorite(), n.resume(),
                n.descriptionMarkdown(), new Sql.Json(ecrire(n.champs())), n.demandeurId(),
                o == null ? null : o.type(), o == null ? null : o.code(), o == null ? null : o.libelle(),
                n.partageOrganisation(), n.le(), n.le()).orElseThrow();
    }

    public Optional<Ticket> parId(long id) {
        return sql.un("SELECT " + COLONNES + DEPUIS + "WHERE t.id = ?", this::ticket, id);
    }

    public Optional<Ticket> parCle(String cle) {
        return sql.un("SELECT " + COLONNES + DEPUIS + "WHERE t.cle = ?", this::ticket, cle);
    }

    /** Locks the ticket for a change (status, comment). */
    public Optional<Ticket> verrouiller(long id) {
        sql.un("SELECT id FROM ticket_assistance WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), id);
        return parId(id);
    }

    public Set<Long> equipes(long ticketId) {
        return new HashSet<>(sql.liste("SELECT equipe_id FROM ticket_equipe WHERE ticket_id = ?", rs -> rs.getLong(1), ticketId));
    }

    public List<String> nomsEquipes(long ticketId) {
        return sql.liste("SELECT e.nom FROM ticket_equipe te JOIN equipe_assistance e ON e.id = te.equipe_id WHERE te.ticket_id = ? ORDER BY e.nom",
                rs -> rs.getString(1), ticketId);
    }

    public Set<Long> participantsExplicites(long ticketId) {
        return new HashSet<>(sql.liste("SELECT utilisateur_id FROM ticket_participant WHERE ticket_id = ?", rs -> rs.getLong(1), ticketId));
    }

    /** Everybody involved: requester, participants, assigned agent, readers of the organisation and teams. */
    public List<Participant> participants(Ticket t) {
        Map<Long, Participant> parId = new LinkedHashMap<>();
        String nom = "trim(coalesce(u.prenom, '') || ' ' || coalesce(u.nom, ''))";
        boolean ouvert = t.statut() != StatutTicket.TERMINE; // who may still comment
        ajouter(parId, "SELECT u.id, " + nom + ", u.email FROM utilisateur u WHERE u.id = ?", Participant.Role.DEMANDEUR, ouvert,
                t.demandeurId());
        ajouter(parId, "SELECT u.id, " + nom + ", u.email FROM ticket_participant p JOIN utilisateur u ON u.id = p.utilisateur_id "
                + "WHERE p.ticket_id = ? ORDER BY p.ajoute_le", Participant.Role.PARTICIPANT, ouvert, t.id());
        if (t.agentId() != null) {
            ajouter(parId, "SELECT u.id, " + nom + ", u.email FROM utilisateur u WHERE u.id = ?", Participant.Role.AGENT, true, t.agentId());
        }
        if (t.partageOrganisation() && t.organisation() != null) {
            String filtre = t.organisation().type() == Organisation.Type.GUICHET
                    ? "h.guichet = ? AND h.profil IN ('GUICHET_ENREGISTREUR', 'GUICHET_MANAGER', 'CONSULTANT_SIMPLE', 'CONSULTANT_DEMANDE', 'CONSULTANT_SENSIBLE')"
                    : "h.territoire = ? AND h.profil = 'GESTIONNAIRE_TERRITORIAL'";
            // the organisation lies in the ticket's territory: readable in its scope and in the national one
            ajouter(parId, "SELECT DISTINCT u.id, " + nom + ", u.email FROM habilitation h JOIN utilisateur u ON u.id = h.utilisateur_id "
                    + "WHERE u.actif AND h.statut = 'ACTIVE' AND " + filtre, Participant.Role.LECTEUR_ORGANISATION, false,
                    t.organisation().code());
        }
        ajouter(parId, "SELECT DISTINCT u.id, " + nom + ", u.email FROM ticket_equipe te "
                + "JOIN equipe_assistance_membre m ON m.equipe_id = te.equipe_id JOIN utilisateur u ON u.id = m.utilisateur_id WHERE te.ticket_id = ? AND u.actif",
                Participant.Role.LECTEUR_EQUIPE, false, t.id());
        return List.copyOf(parId.values());
    }

    /** Adds the users (id, name, e-mail) the query finds under this role, unless already listed under a first one. */
    private void ajouter(Map<Long, Participant> parId, String requete, Participant.Role role, boolean peutCommenter, Object... parametres) {
        sql.liste(requete, rs -> parId.putIfAbsent(rs.getLong(1),
                new Participant(rs.getLong(1), rs.getString(2), rs.getString(3), role, peutCommenter)), parametres);
    }

    /** Whether the user holds an active national support habilitation. */
    public boolean estAgent(long utilisateurId) {
        return sql.un("SELECT 1 FROM sne_habilitations_de(?) h WHERE h.statut = 'ACTIVE' AND h.profil IN " + AGENTS,
                rs -> true, utilisateurId).isPresent();
    }

    public Set<Long> agents() {
        return new HashSet<>(sql.liste("SELECT u.id FROM utilisateur u WHERE u.actif AND EXISTS (SELECT 1 FROM sne_habilitations_de(u.id) h "
                + "WHERE h.statut = 'ACTIVE' AND h.profil IN " + AGENTS + ")", rs -> rs.getLong(1)));
    }

    /** The agents, for the assignment list: id and name. */
    public Map<Long, String> nomsAgents() {
        Map<Long, String> noms = new LinkedHashMap<>();
        sql.liste("SELECT u.id, trim(coalesce(u.prenom, '') || ' ' || coalesce(u.nom, '')) FROM utilisateur u WHERE u.actif AND EXISTS "
                + "(SELECT 1 FROM sne_habilitations_de(u.id) h WHERE h.statut = 'ACTIVE' AND h.profil IN " + AGENTS + ") ORDER BY u.nom",
                rs -> noms.put(rs.getLong(1), rs.getString(2)));
        return noms;
    }

    // Lists ------------------------------------------------------------------------------------------

    public Page lister(Lecteur lecteur, Criteres c, int page, int parPage) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        // agents see every ticket: only a narrower scope ("mine", an organisation, teams) filters theirs
        if (!lecteur.agent() || (c.portee() != null && c.portee() != Portee.TOUTES)) {
            where.append(" AND ").append(visibles(lecteur, c.portee() == null ? Portee.TOUTES : c.portee(), params));
        }
        if (!c.statuts().isEmpty()) {
            where.append(" AND t.statut = ANY(?)");
            params.add(c.statuts().stream().map(Enum::name).toArray(String[]::new));
        }
        if (c.typeId() != null) {
            where.append(" AND t.type_id = ?");
            params.add(c.typeId());
        }
        if (c.application() != null) {
            where.append(" AND t.application = ?");
            params.add(c.application());
        }
        if (c.theme() != null) {
            where.append(" AND t.theme = ?");
            params.add(c.theme());
        }
        if (c.du() != null) {
            where.append(" AND t.cree_le >= ?");
            params.add(c.du().atStartOfDay(fr.sne.community.assistance.sla.CalendrierOuvre.PARIS).toInstant());
        }
        if (c.au() != null) {
            where.append(" AND t.cree_le < ?");
            params.add(c.au().plusDays(1).atStartOfDay(fr.sne.community.assistance.sla.CalendrierOuvre.PARIS).toInstant());
        }
        if (c.agentId() != null) {
            where.append(c.agentId() == 0 ? " AND t.agent_id IS NULL" : " AND t.agent_id = ?");
            if (c.agentId() != 0) {
                params.add(c.agentId());
            }
        }
        if (c.idsRecherche() != null) {
            where.append(" AND t.id = ANY(?)");
            params.add(c.idsRecherche().toArray(Long[]::new));
        }
        long total = sql.un("SELECT count(*) FROM ticket_assistance t" + where, rs -> rs.getLong(1), params.toArray()).orElse(0L);
        int pages = (int) Math.max(1, (total + parPage - 1) / parPage);
        int p = Math.clamp(page, 1, pages);
        List<Object> tous = new ArrayList<>(params);
        tous.add(parPage);
        tous.add((p - 1) * parPage);
        String ordre = c.idsRecherche() != null && !c.idsRecherche().isEmpty()
                ? " ORDER BY array_position(?::bigint[], t.id)" : " ORDER BY t.cree_le DESC, t.id DESC";
        if (c.idsRecherche() != null && !c.idsRecherche().isEmpty()) {
            tous.add(tous.size() - 2, c.idsRecherche().toArray(Long[]::new));
        }
        List<Ticket> tickets = sql.liste("SELECT " + COLONNES + DEPUIS + where + ordre + " LIMIT ? OFFSET ?", this::ticket, tous.toArray());
        return new Page(tickets, total, p, pages);
    }

    /** The SQL form of {@link AssistancePolicy#decider} for {@code VOIR}, narrowed to a list's scope. */
    static String visibles(Lecteur l, Portee portee, List<Object> params) {
        String miennes = "(t.demandeur_id = ? OR t.agent_id = ? OR EXISTS (SELECT 1 FROM ticket_participant p WHERE p.ticket_id = t.id AND p.utilisateur_id = ?))";
        String organisation = "(t.partage_organisation AND t.organisation_type || ':' || t.organisation = ANY(?))";
        String equipes = "EXISTS (SELECT 1 FROM ticket_equipe te WHERE te.ticket_id = t.id AND te.equipe_id = ANY(?))";
        String[] orgs = l.organisations().toArray(String[]::new);
        Long[] eqs = l.equipes().toArray(Long[]::new);
        return switch (portee) {
            case MIENNES -> {
                params.addAll(List.of(l.utilisateurId(), l.utilisateurId(), l.utilisateurId()));
                yield miennes;
            }
            case ORGANISATION -> {
                params.add(orgs);
                yield organisation;
            }
            case EQUIPES -> {
                params.add(eqs);
                yield equipes;
            }
            case TOUTES -> {
                params.addAll(List.of(l.utilisateurId(), l.utilisateurId(), l.utilisateurId()));
                params.add(orgs);
                params.add(eqs);
                yield "(" + miennes + " OR " + organisation + " OR " + equipes + ")";
            }
        };
    }

    /** Tickets resolved before {@code limite} and still resolved (the automatic closing). */
    public List<Long> resolusAvant(Instant limite) {
        return sql.liste("SELECT id FROM ticket_assistance WHERE statut = 'RESOLU' AND resolu_le <= ? ORDER BY resolu_le LIMIT 500",
                rs -> rs.getLong(1), limite);
    }

    // Changes ----------------------------------------------------------------------------------------

    public void changerStatut(long id, StatutTicket ancien, StatutTicket nouveau, Long auteurId, Instant le) {
        // resolved: the date starts the automatic closing; back to an active status: no longer resolved
        String dates = switch (nouveau) {
            case RESOLU -> ", resolu_le = ?, termine_le = NULL";
            case TERMINE -> ", termine_le = ?";
            default -> ", resolu_le = NULL, termine_le = NULL";
        };
        sql.maj("UPDATE ticket_assistance SET statut = ?, modifie_le = ?, version = version + 1" + dates + " WHERE id = ?",
                dates.contains("?") ? new Object[]{nouveau, le, le, id} : new Object[]{nouveau, le, id});
        historique(id, ancien, nouveau.name(), auteurId, le);
    }

    public void historique(long id, Object ancien, String nouveau, Long auteurId, Instant le) {
        sql.maj("INSERT INTO ticket_historique (ticket_id, ancien, nouveau, auteur_id, le) VALUES (?, ?, ?, ?, ?)",
                id, ancien == null ? null : ancien.toString(), nouveau, auteurId, le);
    }

    public void assigner(long id, Long agentId, Instant le) {
        sql.maj("UPDATE ticket_assistance SET agent_id = ?, modifie_le = ?, version = version + 1 WHERE id = ?", agentId, le, id);
    }

    public void premiereReponse(long id, Instant le) {
        sql.maj("UPDATE ticket_assistance SET premiere_reponse_le = ? WHERE id = ? AND premiere_reponse_le IS NULL", le, id);
    }

    public void toucher(long id, Instant le) {
        sql.maj("UPDATE ticket_assistance SET modifie_le = ?, version = version + 1 WHERE id = ?", le, id);
    }

    public void partagerOrganisation(long id, boolean partage) {
        sql.maj("UPDATE ticket_assistance SET partage_organisation = ? AND organisation IS NOT NULL WHERE id = ?", partage, id);
    }

    public void partagerEquipes(long id, Set<Long> equipes) {
        sql.maj("DELETE FROM ticket_equipe WHERE ticket_id = ? AND NOT (equipe_id = ANY(?))", id, equipes.toArray(Long[]::new));
        for (Long e : equipes) {
            sql.maj("INSERT INTO ticket_equipe (ticket_id, equipe_id) VALUES (?, ?) ON CONFLICT DO NOTHING", id, e);
        }
    }

    public boolean ajouterParticipant(long id, long utilisateurId, Long parId, Instant le) {
        return sql.maj("INSERT INTO ticket_participant (ticket_id, utilisateur_id, ajoute_par, ajoute_le) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                id, utilisateurId, parId, le) == 1;
    }

    /** Adds a comment; empty when the mail it comes from was already recorded. */
    public Optional<Long> ajouterCommentaire(long ticketId, long auteurId, String texte, boolean publique, String messageId, Instant le) {
        return sql.un("""
                INSERT INTO ticket_commentaire (ticket_id, auteur_id, corps_markdown, publique, message_id_courriel, cree_le)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (message_id_courriel) DO NOTHING RETURNING id""",
                rs -> rs.getLong(1), ticketId, auteurId, texte, publique, messageId, le);
    }

    public Optional<Commentaire> commentaire(long id) {
        return sql.un(COMMENTAIRE + " WHERE c.id = ?", TicketRepository::commentaire, id);
    }

    public Optional<Commentaire> commentaireParMessageId(String messageId) {
        return sql.un(COMMENTAIRE + " WHERE c.message_id_courriel = ?", TicketRepository::commentaire, messageId);
    }

    public List<Commentaire> commentaires(long ticketId, boolean avecNotes) {
        return sql.liste(COMMENTAIRE + " WHERE c.ticket_id = ?" + (avecNotes ? "" : " AND c.publique") + " ORDER BY c.cree_le, c.id",
                TicketRepository::commentaire, ticketId);
    }

    private static final String COMMENTAIRE = """
            SELECT c.id, c.ticket_id, c.auteur_id, trim(coalesce(u.prenom, '') || ' ' || coalesce(u.nom, '')) AS auteur_nom,
                   EXISTS (SELECT 1 FROM sne_habilitations_de(c.auteur_id) h WHERE h.statut = 'ACTIVE'
                           AND h.profil IN ('ASSISTANCE_NATIONALE', 'ADMINISTRATEUR_NATIONAL')) AS auteur_agent,
                   c.corps_markdown, c.publique, c.message_id_courriel, c.cree_le
            FROM ticket_commentaire c JOIN utilisateur u ON u.id = c.auteur_id""";

    /** A status change as the history shows it. */
    public record Evenement(String ancien, String nouveau, String auteurNom, Instant le) {
    }

    public List<Evenement> historique(long ticketId) {
        return sql.liste("""
                SELECT h.ancien, h.nouveau, trim(coalesce(u.prenom, '') || ' ' || coalesce(u.nom, '')), h.le
                FROM ticket_historique h LEFT JOIN utilisateur u ON u.id = h.auteur_id WHERE h.ticket_id = ? ORDER BY h.le, h.id""",
                rs -> new Evenement(rs.getString(1), rs.getString(2), rs.getString(3), Sql.instant(rs, "le")), ticketId);
    }

    // Attachments ------------------------------------------------------------------------------------

    /** An attachment's metadata. */
    public record Piece(long id, long ticketId, Long commentaireId, String nom, String typeMime, long taille, String cleObjet,
                        Instant creeLe) {
    }

    public long ajouterPiece(long ticketId, Long commentaireId, String nom, String typeMime, long taille, String cleObjet,
                             String texte, Instant le) {
        return sql.un("""
                INSERT INTO ticket_piece (ticket_id, commentaire_id, nom, type_mime, taille, cle_objet, texte, cree_le)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                rs -> rs.getLong(1), ticketId, commentaireId, nom, typeMime, taille, cleObjet, texte == null ? "" : texte, le).orElseThrow();
    }

    /** Attachments of the ticket and of its public replies (internal notes' ones only {@code avecNotes}). */
    public List<Piece> pieces(long ticketId, boolean avecNotes) {
        return sql.liste("""
                SELECT p.id, p.ticket_id, p.commentaire_id, p.nom, p.type_mime, p.taille, p.cle_objet, p.cree_le
                FROM ticket_piece p LEFT JOIN ticket_commentaire c ON c.id = p.commentaire_id
                WHERE p.ticket_id = ? AND (? OR p.commentaire_id IS NULL OR c.publique) ORDER BY p.cree_le, p.id""",
                rs -> new Piece(rs.getLong(1), rs.getLong(2), Sql.longOuNull(rs, "commentaire_id"),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), Sql.instant(rs, "cree_le")), ticketId, avecNotes);
    }

    /** The text of the attachments readers may see, for search. */
    public String textePiecesPubliques(long ticketId) {
        return String.join("\n", sql.liste("""
                SELECT p.nom || ' ' || p.texte FROM ticket_piece p LEFT JOIN ticket_commentaire c ON c.id = p.commentaire_id
                WHERE p.ticket_id = ? AND (p.commentaire_id IS NULL OR c.publique)""", rs -> rs.getString(1), ticketId));
    }

    public List<Long> tousLesIds() {
        return sql.liste("SELECT id FROM ticket_assistance ORDER BY id", rs -> rs.getLong(1));
    }

    // Deflections ------------------------------------------------------------------------------------

    public void deflexion(String territoire, long utilisateurId, Long typeId, String resume, String url, Instant le) {
        sql.maj("INSERT INTO deflexion_assistance (territoire, utilisateur_id, type_id, resume, url, le) VALUES (?, ?, ?, ?, ?, ?)",
                territoire, utilisateurId, typeId, resume, url, le);
    }

    /** Deflections per application (types' application; "Non précisée" without type) since a date. */
    public Map<String, Long> deflexions(Instant depuis) {
        Map<String, Long> parApplication = new LinkedHashMap<>();
        sql.liste("""
                SELECT coalesce(t.application, '') AS application, count(*) FROM deflexion_assistance d
                LEFT JOIN type_assistance t ON t.id = d.type_id WHERE d.le >= ? GROUP BY 1 ORDER BY 1""",
                rs -> parApplication.put(rs.getString(1), rs.getLong(2)), depuis);
        return parApplication;
    }

    /** Tickets created since a date, per application. */
    public Map<String, Long> creations(Instant depuis) {
        Map<String, Long> parApplication = new LinkedHashMap<>();
        sql.liste("SELECT application, count(*) FROM ticket_assistance WHERE cree_le >= ? GROUP BY 1 ORDER BY 1",
                rs -> parApplication.put(rs.getString(1), rs.getLong(2)), depuis);
        return parApplication;
    }

    // Mapping ----------------------------------------------------------------------------------------

    private Ticket ticket(ResultSet rs) throws SQLException {
        String orgType = rs.getString("organisation_type");
        Organisation o = orgType == null ? null
                : new Organisation(Organisation.Type.valueOf(orgType), rs.getString("organisation"), rs.getString("organisation_libelle"));
        String agentNom = rs.getString("agent_nom");
        Long agentId = Sql.longOuNull(rs, "agent_id");
        return new Ticket(rs.getLong("id"), rs.getString("territoire"), rs.getString("cle"), rs.getLong("type_id"),
                ApplicationAssistee.valueOf(rs.getString("application")), ThemeAssistance.valueOf(rs.getString("theme")),
                Priorite.valueOf(rs.getString("priorite")), rs.getString("resume"), rs.getString("description_markdown"),
                lire(rs.getString("champs")), rs.getLong("demandeur_id"), rs.getString("demandeur_nom"),
                rs.getString("demandeur_courriel"), o, rs.getBoolean("partage_organisation"), StatutTicket.valueOf(rs.getString("statut")),
                agentId, agentId == null ? null : agentNom, Sql.instant(rs, "cree_le"), Sql.instant(rs, "premiere_reponse_le"),
                Sql.instant(rs, "resolu_le"), Sql.instant(rs, "termine_le"), Sql.instant(rs, "modifie_le"), rs.getInt("version"));
    }

    private static Commentaire commentaire(ResultSet rs) throws SQLException {
        return new Commentaire(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("auteur_id"), rs.getString("auteur_nom"),
                rs.getBoolean("auteur_agent"), rs.getString("corps_markdown"), rs.getBoolean("publique"),
                rs.getString("message_id_courriel"), Sql.instant(rs, "cree_le"));
    }

    private String ecrire(Map<String, String> champs) {
        try {
            return json.writeValueAsString(champs == null ? Map.of() : champs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> lire(String texte) {
        try {
            Map<String, Object> m = json.readValue(texte, Map.class);
            Map<String, String> champs = new LinkedHashMap<>();
            m.forEach((k, v) -> champs.put(k, v == null ? "" : v.toString()));
            return champs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
