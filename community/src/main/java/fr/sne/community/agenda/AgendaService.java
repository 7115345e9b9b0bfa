package fr.sne.community.agenda;

import fr.sne.community.accueil.Nouveaute;
import fr.sne.community.accueil.SourceNouveautes;
import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.Espace;
import fr.sne.community.espace.EspaceVu;
import fr.sne.community.espace.Espaces;
import fr.sne.community.info.markdown.RenduMarkdown;
import fr.sne.community.notification.Diffusion;
import fr.sne.community.notification.EvenementCommunaute;
import fr.sne.community.recherche.Acces;
import fr.sne.community.recherche.DocumentIndexe;
import fr.sne.community.recherche.SynchronisationIndex;
import fr.sne.community.recherche.SourceIndexation;
import fr.sne.community.wiki.Dates;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Refus;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The spaces' calendars: moderators publish events ({@code MODERER}), readers see them
 * ({@code VOIR}) and answer ({@code PARTICIPER}). The ICS feeds authenticate by a per-user secret
 * (only its SHA-256 is stored; a new one replaces it) and decide again, at each fetch, which
 * spaces the user sees now, from their current habilitations and roles.
 */
@Singleton
public class AgendaService implements SourceIndexation, SourceNouveautes {

    static final String TYPE = "evenement";
    private static final Pattern JETON = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_FLUX = 2000;

    /** An event as shown: description, answers' counts, the reader's answer. */
    public record Detail(EvenementAgenda evenement, String html, Map<Reponse, Integer> comptes, Reponse maReponse, boolean participe) {
    }

    private final Espaces espaces;
    private final TenantTransactions transactions;
    private final AgendaRepository agenda;
    private final JdbcOperations jdbc;
    private final RenduMarkdown rendu;
    private final Diffusion diffusion;
    private final AuditTrail audit;
    private final SynchronisationIndex indexation;
    private final Clock clock;
    private final SecureRandom aleatoire = new SecureRandom();

    AgendaService(Espaces espaces, TenantTransactions transactions, AgendaRepository agenda, JdbcOperations jdbc, RenduMarkdown rendu,
                  Diffusion diffusion, AuditTrail audit, SynchronisationIndex indexation, Clock clock) {
        this.espaces = espaces;
        this.transactions = transactions;
        this.agenda = agenda;
        this.jdbc = jdbc;
        this.rendu = rendu;
        this.diffusion = diffusion;
        this.audit = audit;
        this.indexation = indexation;
        this.clock = clock;
    }

    public EspaceVu ouvrir(Actor actor, String espace, ActionEspace action) {
        return espaces.ouvrir(actor, espace, action);
    }

    public boolean peutPublier(Actor actor, EspaceVu espace) {
        return espaces.decider(actor, espace, ActionEspace.MODERER).autorisee();
    }

    LocalDateTime maintenant() {
        return LocalDateTime.ofInstant(clock.instant(), Dates.PARIS);
    }

    /** Upcoming and current events of these spaces, soonest first, grouped by month. */
    public Map<String, List<EvenementAgenda>> aVenir(Set<Long> ids) {
        LocalDateTime debutDuJour = maintenant().toLocalDate().atStartOfDay();
        List<EvenementAgenda> liste = transactions.inScope(Scope.nationalReadOnly(), () -> agenda.depuis(ids, debutDuJour, 500));
        Map<String, List<EvenementAgenda>> parMois = new LinkedHashMap<>();
        liste.forEach(e -> parMois.computeIfAbsent(e.mois(), m -> new ArrayList<>()).add(e));
        return parMois;
    }

    public Set<Long> visibles(Actor actor) {
        return espaces.idsVisibles(actor);
    }

    public List<Espace> espacesVisibles(Actor actor) {
        return espaces.visibles(actor).stream().map(EspaceVu::espace).toList();
    }

    public Detail consulter(Actor actor, String espaceSlug, long id) {
        EspaceVu espace = espaces.ouvrir(actor, espaceSlug, ActionEspace.VOIR);
        return transactions.inScope(Espaces.scope(espace.espace()), () -> {
            EvenementAgenda e = agenda.parId(id).filter(x -> x.espaceId() == espace.espace().id())
                    .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Événement introuvable"));
            Reponse mienne = actor instanceof Actor.Professionnel p ? agenda.reponsesDe(p.utilisateurId()).get(id) : null;
            return new Detail(e, rendu.html(e.description()), agenda.comptes(id), mienne,
                    espaces.decider(actor, espace, ActionEspace.PARTICIPER).autorisee());
        });
    }

    public EvenementAgenda creer(Actor actor, String espaceSlug, Map<String, String> form) {
        EspaceVu espace = espaces.ouvrir(actor, espaceSlug, ActionEspace.MODERER);
        Espace e = espace.espace();
        if (e.archive()) {
            throw new Refus(HttpStatus.FORBIDDEN, "Cet espace est archivé : on n’y publie plus.");
        }
        AgendaRepository.Saisie s = verifier(form);
        long auteur = ((Actor.Professionnel) actor).utilisateurId();
        EvenementAgenda cree = transactions.inScope(Espaces.scope(e), () -> {
            long id = agenda.creer(e.id(), s, auteur, clock.instant());
            EvenementAgenda ev = agenda.parId(id).orElseThrow();
            audit.changement(actor, TypeAction.CREATION, e.territoire(), "evenement_agenda", Long.toString(id), null,
                    Map.of("espace", e.slug(), "titre", s.titre(), "debut", s.debut().toString()));
            diffusion.publier(new EvenementCommunaute(EvenementCommunaute.Type.EVENEMENT, e.id(), null, null, Set.of(), s.titre(),
                    ev.quand() + (s.description().isBlank() ? "" : "\n" + rendu.texte(s.description())), ev.url(), auteur, Set.of()));
            return ev;
        });
        indexation.indexer(document(cree));
        return cree;
    }

    static AgendaRepository.Saisie verifier(Map<String, String> form) {
        Formulaire erreurs = new Formulaire();
        String titre = valeur(form, "titre");
        if (titre.isEmpty()) {
            erreurs.erreur("titre", "Donnez un titre à l’événement.");
        } else if (titre.length() > 200) {
            erreurs.erreur("titre", "Le titre ne doit pas dépasser 200 caractères.");
        }
        TypeEvenement type = null;
        try {
            type = TypeEvenement.valueOf(valeur(form, "type"));
        } catch (IllegalArgumentException ex) {
            erreurs.erreur("type", "Choisissez le type d’événement.");
        }
        boolean journee = "true".equals(valeur(form, "journee")) || type == TypeEvenement.ECHEANCE;
        LocalDate jourDebut = date(form, "dateDebut", "la date de début", erreurs);
        LocalDate jourFin = valeur(form, "dateFin").isEmpty() ? jourDebut : date(form, "dateFin", "la date de fin", erreurs);
        LocalTime heureDebut = journee ? LocalTime.MIDNIGHT : heure(form, "heureDebut", "l’heure de début", erreurs);
        LocalTime heureFin = journee ? LocalTime.MIDNIGHT : heure(form, "heureFin", "l’heure de fin", erreurs);
        LocalDateTime debut = jourDebut == null || heureDebut == null ? null : jourDebut.atTime(heureDebut);
        LocalDateTime fin = jourFin == null || heureFin == null ? null : jourFin.atTime(heureFin);
        if (debut != null && fin != null && (journee ? fin.isBefore(debut) : !fin.isAfter(debut))) {
            erreurs.erreur(journee ? "dateFin" : "heureFin", "La fin doit venir après le début.");
        }
        String lieu = valeur(form, "lieu");
        String visio = valeur(form, "lienVisio");
        if (lieu.length() > 300) {
            erreurs.erreur("lieu", "Le lieu ne doit pas dépasser 300 caractères.");
        }
        if (!visio.isEmpty() && (!visio.startsWith("https://") || visio.length() > 500 || visio.chars().anyMatch(Character::isWhitespace))) {
            erreurs.erreur("lienVisio", "Donnez une adresse commençant par https://, sans espace.");
        }
        String description = valeur(form, "description");
        if (description.length() > 20_000) {
            erreurs.erreur("description", "La description ne doit pas dépasser 20 000 caractères.");
        }
        erreurs.verifier();
        return new AgendaRepository.Saisie(titre, type, journee, debut, fin, lieu, visio, description);
    }

    private static String valeur(Map<String, String> form, String champ) {
        String v = form.get(champ);
        return v == null ? "" : v.strip();
    }

    private static LocalDate date(Map<String, String> form, String champ, String nom, Formulaire erreurs) {
        try {
            return LocalDate.parse(valeur(form, champ));
        } catch (DateTimeParseException e) {
            erreurs.erreur(champ, "Indiquez " + nom + " (jj/mm/aaaa).");
            return null;
        }
    }

    private static LocalTime heure(Map<String, String> form, String champ, String nom, Formulaire erreurs) {
        try {
            return LocalTime.parse(valeur(form, champ));
        } catch (DateTimeParseException e) {
            erreurs.erreur(champ, "Indiquez " + nom + " (hh:mm).");
            return null;
        }
    }

    public void repondre(Actor actor, String espaceSlug, long id, String code) {
        EspaceVu espace = espaces.ouvrir(actor, espaceSlug, ActionEspace.PARTICIPER);
        Reponse reponse;
        try {
            reponse = Reponse.valueOf(code == null ? "" : code);
        } catch (IllegalArgumentException e) {
            throw new Refus(HttpStatus.UNPROCESSABLE_ENTITY, "Choisissez Oui, Peut-être ou Non.");
        }
        long utilisateur = ((Actor.Professionnel) actor).utilisateurId();
        transactions.inScope(Espaces.scope(espace.espace()), () -> {
            agenda.parId(id).filter(x -> x.espaceId() == espace.espace().id())
                    .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Événement introuvable"));
            agenda.repondre(id, espace.espace().id(), utilisateur, reponse, clock.instant());
            audit.changement(actor, TypeAction.MODIFICATION, espace.espace().territoire(), "evenement_agenda_reponse", Long.toString(id),
                    null, Map.of("reponse", reponse.name()));
            return null;
        });
    }

    // --- calendar feeds -------------------------------------------------------------------

    /** A new secret for the user's feeds (the previous one stops working); shown once, stored hashed. */
    public String genererJeton(Actor actor) {
        Actor.Professionnel p = professionnel(actor);
        byte[] octets = new byte[32];
        aleatoire.nextBytes(octets);
        String jeton = Base64.getUrlEncoder().withoutPadding().encodeToString(octets);
        transactions.inScope(Scope.nationalEcriture(), () -> {
            agenda.enregistrerJeton(p.utilisateurId(), empreinte(jeton), clock.instant());
            audit.changement(actor, TypeAction.MODIFICATION, null, "jeton_calendrier", Long.toString(p.utilisateurId()), null, Map.of("action", "generation"));
            return null;
        });
        return jeton;
    }

    public void revoquerJeton(Actor actor) {
        Actor.Professionnel p = professionnel(actor);
        transactions.inScope(Scope.nationalEcriture(), () -> {
            if (agenda.revoquerJeton(p.utilisateurId())) {
                audit.changement(actor, TypeAction.SUPPRESSION, null, "jeton_calendrier", Long.toString(p.utilisateurId()), null, Map.of("action", "revocation"));
            }
            return null;
        });
    }

    public Optional<Instant> jetonCreeLe(Actor actor) {
        Actor.Professionnel p = professionnel(actor);
        return transactions.inScope(Scope.nationalReadOnly(), () -> agenda.jetonCreeLe(p.utilisateurId()));
    }

    /** The user's feed: every event of the spaces they see today, with their answers; empty for an unknown token. */
    public Optional<String> fluxUtilisateur(String jeton, String base) {
        return proprietaire(jeton).map(actor -> {
            Set<Long> ids = espaces.idsVisibles(actor);
            return Ics.calendrier("SNE Communautés", entrees(actor, ids), base);
        });
    }

    /** One space's feed, for a user who sees it today; empty for an unknown token or an invisible space. */
    public Optional<String> fluxEspace(String jeton, String espaceSlug, String base) {
        return proprietaire(jeton).map(actor -> {
            EspaceVu espace = espaces.ouvrir(actor, espaceSlug, ActionEspace.VOIR);
            return Ics.calendrier("SNE Communautés — " + espace.espace().nom(), entrees(actor, Set.of(espace.espace().id())), base);
        });
    }

    private List<Ics.Entree> entrees(Actor.Professionnel actor, Set<Long> ids) {
        LocalDateTime depuis = maintenant().minusDays(90);
        return transactions.inScope(Scope.nationalReadOnly(), () -> {
            Map<Long, Reponse> reponses = agenda.reponsesDe(actor.utilisateurId());
            return agenda.depuis(ids, depuis, MAX_FLUX).stream().map(e -> new Ics.Entree(e, reponses.get(e.id()))).toList();
        });
    }

    /** The professional a token belongs to, as they are now (current active habilitations). */
    private Optional<Actor.Professionnel> proprietaire(String jeton) {
        if (jeton == null || !JETON.matcher(jeton).matches()) {
            return Optional.empty();
        }
        byte[] empreinte = empreinte(jeton);
        return transactions.withoutScope(() -> agenda.utilisateurDuJeton(empreinte).flatMap(this::professionnel));
    }

    private Optional<Actor.Professionnel> professionnel(long utilisateurId) {
        Optional<String[]> identite = jdbc.prepareStatement("SELECT email, prenom, nom FROM utilisateur WHERE id = ?", ps -> {
            ps.setLong(1, utilisateurId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}) : Optional.<String[]>empty();
            }
        });
        if (identite.isEmpty()) {
            return Optional.empty();
        }
        List<Habilitation> habilitations = jdbc.prepareStatement("""
                SELECT id, profil, guichet, guichet_nom, territoire, territoire_nom
                  FROM sne_habilitations_de(?) WHERE statut = 'ACTIVE'""", ps -> {
            ps.setLong(1, utilisateurId);
            List<Habilitation> liste = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    liste.add(new Habilitation(rs.getLong("id"), Profil.valueOf(rs.getString("profil")), rs.getString("guichet"),
                            rs.getString("guichet_nom"), rs.getString("territoire"), rs.getString("territoire_nom")));
                }
            }
            return liste;
        });
        String[] i = identite.get();
        return Optional.of(new Actor.Professionnel(utilisateurId, i[0], i[1], i[2], habilitations, null));
    }

    static byte[] empreinte(String jeton) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(jeton.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Actor.Professionnel professionnel(Actor actor) {
        if (actor instanceof Actor.Professionnel p) {
            return p;
        }
        throw new Refus(HttpStatus.FORBIDDEN, "Espace réservé aux professionnels");
    }

    // --- search and home --------------------------------------------------------------------

    private DocumentIndexe document(EvenementAgenda e) {
        String texte = String.join("\n", e.quand(), e.type().libelle(), e.lieu(), rendu.texte(e.description()));
        return new DocumentIndexe("evenement:" + e.id(), TYPE, e.titre(), texte, List.of(), e.espaceNom(),
                e.debut().atZone(Dates.PARIS).toInstant(), e.url(), Set.of(Acces.espace(e.espaceId())));
    }

    @Override
    public void parcourir(Consumer<DocumentIndexe> sink) {
        transactions.inScope(Scope.nationalReadOnly(), () -> {
            agenda.parcourir(e -> sink.accept(document(e)));
            return null;
        });
    }

    @Override
    public List<Nouveaute> recentes(Set<Long> ids, int limite) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> agenda.recents(ids, limite)).stream()
                .map(e -> new Nouveaute("Événement", e.titre(), e.type().libelle() + " — " + e.quand(), e.url(), e.espaceId(), e.espaceNom(),
                        e.modifieLe()))
                .toList();
    }
}
