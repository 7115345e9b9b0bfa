package fr.sne.core.piece;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.VoletDemande;
import fr.sne.tenants.identity.Actor;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The supporting documents on an application's pages. Professionals: the documents their profile
 * may list (type, category, validity, depositor, relevance, NIR and sensitivity markers, analysis),
 * the links to what the policy serves them, the expected documents, and the upload form when they
 * may deposit. The applicant: what is expected, supplied or expired, and the way to their page
 * "Mes pièces justificatives".
 */
@Singleton
class VoletPieces implements VoletDemande {

    /** A document as a row of the professionals' table. */
    record Ligne(long id, String type, String categorie, String nomFichier, String finValidite, boolean expiree,
                 String deposant, String deposePar, String deposeLe, String pertinence, String pertinenceBadge,
                 boolean nirMasque, boolean nirDetecte, boolean sensible, String analyse, String analyseBadge,
                 VuesPieces.Lien lien, String refus, String detail) {
    }

    /** An expected document with its state, for either reader. */
    record LigneAttendue(String code, String titre, String personne, boolean obligatoire, String etat, String etatBadge,
                         String piece) {
    }

    private final PieceService service;
    private final Clock clock;

    VoletPieces(PieceService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public int ordre() {
        return 35;
    }

    @Override
    public Optional<Volet> volet(Actor actor, DemandeJson.Demande demande, Lecteur lecteur) {
        String numero = demande.numeroUnique();
        PieceService.Droits droits = service.droits(actor, numero);
        if (!droits.lister()) {
            return Optional.empty();
        }
        List<PieceListee> pieces = service.lister(actor, numero);
        LocalDate jour = LocalDate.now(clock.withZone(VuesPieces.PARIS));
        List<PiecesAttendues.Suivi> suivis = PiecesAttendues.suivre(PiecesAttendues.pour(demande.contenu()),
                pieces.stream().map(PieceListee::piece).toList(), jour, droits.listerSensible());
        boolean demandeur = lecteur == Lecteur.DEMANDEUR;
        Map<String, Object> m = new HashMap<>();
        m.put("numero", numero);
        m.put("attendues", suivis.stream().map(s -> ligne(s, demandeur)).toList());
        if (demandeur) {
            m.put("deposees", pieces.size());
            m.put("aFournir", suivis.stream().filter(s -> s.etat() != PiecesAttendues.Etat.FOURNIE).count());
            m.put("active", "ACTIVE".equals(demande.etat()));
            return Optional.of(new Volet("Mes pièces justificatives", "pieces", "portail/demande/volets/pieces", m));
        }
        m.put("lignes", pieces.stream().map(p -> ligne(numero, p, jour)).toList());
        boolean depot = droits.deposer() && "ACTIVE".equals(demande.etat());
        m.put("peutDeposer", depot);
        if (depot) {
            m.put("depot", FormulaireDepotPro.modele(numero, Map.of(), Map.of(), service.tailleMax()));
        }
        m.put("sensiblesMasquees", !droits.listerSensible());
        m.put("message", message());
        return Optional.of(new Volet("Pièces justificatives", "pieces", "pro/demande/volets/pieces", m));
    }

    static Ligne ligne(String numero, PieceListee l, LocalDate jour) {
        PieceJustificative p = l.piece();
        VuesPieces.Lien lien = l.ouverture() == null ? null : VuesPieces.lien("/pro/demandes", numero, p.id(), l.ouverture(), true);
        return new Ligne(p.id(), VuesPieces.type(p), VuesPieces.categorie(p), p.nomFichier(), VuesPieces.jour(p.finValidite()),
                p.perimee(jour), p.deposant().libelle(), VuesPieces.deposePar(p), VuesPieces.heure(p.deposeLe()),
                p.indicePertinence() == null ? null : p.indicePertinence().libelle(),
                p.indicePertinence() == null ? null : VuesPieces.pertinenceBadge(p.indicePertinence()),
                Boolean.TRUE.equals(p.nirDetecte()) && p.versionMasquee(), Boolean.TRUE.equals(p.nirDetecte()), p.sensible(),
                p.analyse().libelle(), VuesPieces.analyseBadge(p.analyse()), lien, l.refus(),
                "/pro/demandes/" + numero + "/pieces/" + p.id());
    }

    static LigneAttendue ligne(PiecesAttendues.Suivi s, boolean demandeur) {
        PiecesAttendues.Attendue a = s.attendue();
        String personne = switch (a.personne()) {
            case DEMANDEUR -> demandeur ? "Vous" : "Demandeur";
            case COTITULAIRE -> a.nomPersonne(); // the title already says "du cotitulaire"
            case MENAGE -> null;
        };
        return new LigneAttendue(a.code(), a.titre(), personne, a.niveau() == PiecesAttendues.Niveau.OBLIGATOIRE,
                s.etat().libelle(), badge(s), s.piece() == null ? null : VuesPieces.type(s.piece()) + " — " + s.piece().nomFichier());
    }

    static String badge(PiecesAttendues.Suivi s) {
        return switch (s.etat()) {
            case FOURNIE -> "fr-badge--success";
            case EXPIREE -> "fr-badge--error";
            // not "warning": that colour stays the application's alerts' (délai anormalement long)
            case A_FOURNIR -> s.attendue().niveau() == PiecesAttendues.Niveau.OBLIGATOIRE ? "fr-badge--orange-terre-battue" : "fr-badge--info";
            case RESERVEE -> "";
        };
    }

    /** The outcome of the desk's last action on this panel, named by the redirection that followed it. */
    private static String message() {
        return ServerRequestContext.currentRequest().flatMap(r -> r.getParameters().getFirst("piece"))
                .map(v -> switch (v) {
                    case "supprimee" -> "La pièce a été supprimée : elle reste dans l’historique des pièces.";
                    default -> null;
                }).orElse(null);
    }
}
