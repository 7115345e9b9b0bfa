package fr.sne.core.piece;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandeService;
import fr.sne.documents.catalogue.Deposant;
import fr.sne.documents.catalogue.TypePiece;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Refus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The applicant's "Mes pièces justificatives" on the portal: the documents expected for the
 * registration (identity or residence permit of the applicant and each co-holder) and advised for
 * the instruction given their situation ({@link PiecesAttendues}), each with its state and its own
 * upload form (phone-friendly: one file, a large button, PDF or photo), then the documents
 * deposited. A refused file comes back with its French reason next to the field it was sent from;
 * nothing of it was kept.
 */
@Controller("/mes-demandes/{numero}/pieces")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class MesPiecesController {

    /** The code of the free upload form (any document, type optional). */
    static final String AUTRE = "autre";

    /** An expected document with its state and its upload form. */
    record Carte(String code, String titre, String personne, String explication, boolean obligatoire, boolean sensible,
                 String etat, String etatBadge, String piece, boolean fournie, List<VuesPieces.Option> types, String typeChoisi,
                 String erreur, String erreurType) {
    }

    /** A deposited document as the applicant reads it. */
    record Deposee(long id, String type, String nomFichier, String deposeLe, String par, String finValidite, boolean expiree,
                   boolean enAnalyse, VuesPieces.Lien lien, String refus) {
    }

    private final PieceService service;
    private final DemandeService demandes;
    private final FormulairesPieces formulaires;
    private final Clock clock;

    MesPiecesController(PieceService service, DemandeService demandes, FormulairesPieces formulaires, Clock clock) {
        this.service = service;
        this.demandes = demandes;
        this.formulaires = formulaires;
        this.clock = clock;
    }

    @Get
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @PathVariable String numero,
                                           @Nullable @QueryValue Long deposee, @Nullable @QueryValue Long existante) {
        Actor.Particulier p = demandeur(request);
        DemandeJson.Demande demande = demandes.consulter(p, numero);
        List<PieceListee> pieces = service.lister(p, numero);
        Map<String, Object> model = modele(demande, pieces, null, Map.of(), Map.of());
        Long id = deposee != null ? deposee : existante;
        Optional<PieceJustificative> piece = pieces.stream().map(PieceListee::piece).filter(x -> id != null && x.id() == id).findFirst();
        model.put("message", piece.map(x -> deposee != null
                ? "Votre pièce « " + x.nomFichier() + " » a bien été reçue. Elle est maintenant dans votre dossier, "
                        + "partagée avec les organismes qui traitent votre demande."
                : "Ce fichier était déjà dans votre dossier : il n’a pas été ajouté une seconde fois.").orElse(null));
        return new ModelAndView<>("portail/pieces/pieces", model);
    }

    @Post
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> deposer(HttpRequest<?> request, @PathVariable String numero, @Body MultipartBody corps) {
        Actor.Particulier p = demandeur(request);
        EnvoiPiece envoi = EnvoiPiece.lire(corps);
        return formulaires.verifier(envoi.champs(), () -> deposer(p, numero, envoi));
    }

    private HttpResponse<?> deposer(Actor.Particulier p, String numero, EnvoiPiece envoi) {
        DemandeJson.Demande demande = demandes.consulter(p, numero);
        String code = envoi.champ("attendue") == null ? AUTRE : envoi.champ("attendue");
        PiecesAttendues.Attendue attendue = PiecesAttendues.pour(demande.contenu()).stream().filter(a -> a.code().equals(code))
                .findFirst().orElse(null);
        String cle = attendue == null ? AUTRE : code;
        Map<String, String> erreurs = new LinkedHashMap<>();
        if (!envoi.fichierChoisi()) {
            erreurs.put("fichier-" + cle, "Choisissez le fichier à envoyer : un PDF ou une photo du document.");
        }
        TypePiece type = envoi.type(erreurs, "type-" + cle);
        if (attendue != null) {
            if (type == null) {
                type = attendue.types().getFirst();
            } else if (!attendue.types().contains(type)) {
                erreurs.putIfAbsent("type-" + cle, "Choisissez l’un des types proposés pour cette pièce.");
            }
        }
        if (!erreurs.isEmpty()) {
            return refuse(p, demande, cle, envoi, new EnvoiPiece.Erreurs(HttpStatus.UNPROCESSABLE_ENTITY, erreurs));
        }
        Map<String, String> ids = Map.of("fichier", "fichier-" + cle, "type", "type-" + cle, "categorie", "type-" + cle,
                "finValidite", "fichier-" + cle);
        try (InputStream contenu = envoi.fichier().getInputStream()) {
            PieceService.Depose d = service.deposer(p, numero, new Depot(contenu, envoi.fichier().getFilename(), type, null, null));
            String ancre = attendue == null ? "mes-pieces" : "attendue-" + cle;
            return HttpResponse.seeOther(URI.create("/mes-demandes/" + numero + "/pieces?" + (d.existante() ? "existante=" : "deposee=")
                    + d.piece().piece().id() + "#" + ancre));
        } catch (IOException e) {
            return refuse(p, demande, cle, envoi, new EnvoiPiece.Erreurs(HttpStatus.BAD_REQUEST,
                    Map.of("fichier-" + cle, "Le fichier n’a pas pu être reçu en entier : envoyez-le à nouveau.")));
        } catch (RuntimeException e) {
            return refuse(p, demande, cle, envoi, envoi.erreurs(e, ids));
        }
    }

    private HttpResponse<?> refuse(Actor.Particulier p, DemandeJson.Demande demande, String cle, EnvoiPiece envoi,
                                   EnvoiPiece.Erreurs e) {
        Map<String, Object> model = modele(demande, service.lister(p, demande.numeroUnique()), cle, e.parChamp(),
                Map.of(cle, envoi.champ("type") == null ? "" : envoi.champ("type")));
        // the summary at the top names the card each error belongs to
        String titre = PiecesAttendues.pour(demande.contenu()).stream().filter(a -> a.code().equals(cle)).findFirst()
                .map(PiecesAttendues.Attendue::titre).orElse("Autre pièce");
        Map<String, String> resume = new LinkedHashMap<>();
        e.parChamp().forEach((id, message) -> resume.put(id, titre + " — " + message));
        model.put("erreurs", resume);
        return HttpResponse.status(e.statut()).body(new ModelAndView<>("portail/pieces/pieces", model));
    }

    private Map<String, Object> modele(DemandeJson.Demande demande, List<PieceListee> pieces, String enErreur,
                                       Map<String, String> erreurs, Map<String, String> typesChoisis) {
        String numero = demande.numeroUnique();
        LocalDate jour = LocalDate.now(clock.withZone(VuesPieces.PARIS));
        List<PiecesAttendues.Suivi> suivis = PiecesAttendues.suivre(PiecesAttendues.pour(demande.contenu()),
                pieces.stream().map(PieceListee::piece).toList(), jour, true);
        List<Carte> cartes = suivis.stream().map(s -> carte(s, erreurs, typesChoisis)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "portail");
        model.put("numero", numero);
        model.put("active", "ACTIVE".equals(demande.etat()));
        model.put("obligatoires", cartes.stream().filter(Carte::obligatoire).toList());
        model.put("conseillees", cartes.stream().filter(c -> !c.obligatoire()).toList());
        model.put("deposees", pieces.stream().map(l -> deposee(numero, l, jour)).toList());
        model.put("groupes", VuesPieces.typesParCategorie());
        model.put("accept", VuesPieces.ACCEPT);
        model.put("aide", VuesPieces.FORMATS + ", " + VuesPieces.mega(service.tailleMax()) + " au plus.");
        model.put("tailleMax", service.tailleMax());
        model.put("autre", Map.of("erreur", erreurs.getOrDefault("fichier-" + AUTRE, ""),
                "erreurType", erreurs.getOrDefault("type-" + AUTRE, ""), "type", typesChoisis.getOrDefault(AUTRE, "")));
        model.put("enErreur", enErreur);
        model.put("erreurs", Map.of());
        return model;
    }

    private static Carte carte(PiecesAttendues.Suivi s, Map<String, String> erreurs, Map<String, String> typesChoisis) {
        PiecesAttendues.Attendue a = s.attendue();
        VoletPieces.LigneAttendue l = VoletPieces.ligne(s, true);
        List<VuesPieces.Option> types = a.types().stream().map(t -> new VuesPieces.Option(t.name(), t.libelle())).toList();
        String saisi = typesChoisis.getOrDefault(a.code(), "");
        String choisi = types.stream().anyMatch(o -> o.code().equals(saisi)) ? saisi : types.getFirst().code();
        return new Carte(a.code(), a.titre(), l.personne(), a.explication(), l.obligatoire(), a.sensible(), l.etat(), l.etatBadge(),
                s.piece() == null ? null : s.piece().nomFichier(), s.etat() == PiecesAttendues.Etat.FOURNIE, types, choisi,
                erreurs.get("fichier-" + a.code()), erreurs.get("type-" + a.code()));
    }

    private static Deposee deposee(String numero, PieceListee l, LocalDate jour) {
        PieceJustificative p = l.piece();
        String par = p.deposant() == Deposant.DEMANDEUR ? "vous" : p.guichet() != null ? "le guichet " + p.guichet()
                : p.deposant().libelle().toLowerCase(java.util.Locale.FRENCH);
        return new Deposee(p.id(), VuesPieces.type(p), p.nomFichier(), VuesPieces.jour(p.deposeLe()), par,
                VuesPieces.jour(p.finValidite()), p.perimee(jour), !p.analyse().finale(),
                l.ouverture() == null ? null : VuesPieces.lien("/mes-demandes", numero, p.id(), l.ouverture(), true), l.refus());
    }

    private static Actor.Particulier demandeur(HttpRequest<?> request) {
        if (Actors.of(request) instanceof Actor.Particulier p) {
            return p;
        }
        throw new Refus(HttpStatus.FORBIDDEN, "Espace réservé aux demandeurs");
    }
}
