package fr.sne.community.assistance.web;

import fr.sne.community.assistance.AssistancePolicy;
import fr.sne.community.assistance.Commentaire;
import fr.sne.community.assistance.DemandesAssistance;
import fr.sne.community.assistance.StatutTicket;
import fr.sne.community.assistance.Ticket;
import fr.sne.community.assistance.TicketRepository;
import fr.sne.community.assistance.equipe.Equipe;
import fr.sne.community.assistance.equipe.EquipeRepository;
import fr.sne.community.assistance.sla.NiveauxDeService;
import fr.sne.community.assistance.type.TypesAssistance;
import fr.sne.community.info.markdown.RenduMarkdown;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.ProtectionCsrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One ticket: its content, public replies (and internal notes for agents), sharing and
 * participants, attachments, history; the forms of what the reader may do.
 */
@Controller("/assistance/{cle}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class TicketController {

    private final DemandesAssistance demandes;
    private final RenduMarkdown rendu;
    private final EquipeRepository equipes;
    private final TicketRepository tickets;
    private final TypesAssistance types;
    private final NiveauxDeService niveaux;
    private final TenantTransactions transactions;

    TicketController(DemandesAssistance demandes, RenduMarkdown rendu, EquipeRepository equipes, TicketRepository tickets,
                     TypesAssistance types, NiveauxDeService niveaux, TenantTransactions transactions) {
        this.demandes = demandes;
        this.rendu = rendu;
        this.equipes = equipes;
        this.tickets = tickets;
        this.types = types;
        this.niveaux = niveaux;
        this.transactions = transactions;
    }

    @Get
    ModelAndView<Map<String, Object>> fiche(HttpRequest<?> request, @PathVariable String cle, @Nullable @QueryValue String message) {
        return page(Actors.of(request), cle, Map.of(), message(message));
    }

    @Post("/commentaires")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> commenter(HttpRequest<?> request, @PathVariable String cle, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        boolean note = "note".equals(PagesAssistance.premier(form, "nature"));
        try {
            demandes.commenter(actor, cle, PagesAssistance.premier(form, "texte"), !note);
            return retour(cle, note ? "note" : "reponse", "commentaires");
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(actor, cle, e.erreurs(), null));
        }
    }

    @Post("/statut")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> statut(HttpRequest<?> request, @PathVariable String cle, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        StatutTicket nouveau = StatutTicket.parCode(PagesAssistance.premier(form, "statut"));
        if (nouveau == null) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(actor, cle, Map.of("statut", "Choisissez un statut."), null));
        }
        demandes.changerStatut(actor, cle, nouveau);
        return retour(cle, "statut", "traitement");
    }

    @Post("/assignation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> assigner(HttpRequest<?> request, @PathVariable String cle, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        String agent = PagesAssistance.premier(form, "agent");
        Long agentId = "moi".equals(agent) && actor instanceof Actor.Professionnel p ? Long.valueOf(p.utilisateurId()) : PagesAssistance.entier(agent);
        try {
            demandes.assigner(actor, cle, agentId);
            return retour(cle, "assignation", "traitement");
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(actor, cle, e.erreurs(), null));
        }
    }

    @Post("/participants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> participant(HttpRequest<?> request, @PathVariable String cle, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        try {
            demandes.ajouterParticipant(actor, cle, PagesAssistance.premier(form, "courriel"));
            return retour(cle, "participant", "partage");
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(actor, cle, e.erreurs(), null));
        }
    }

    @Post("/partage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> partager(HttpRequest<?> request, @PathVariable String cle, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        Set<Long> choisies = new HashSet<>();
        PagesAssistance.tous(form, "equipes").forEach(e -> {
            Long id = PagesAssistance.entier(e);
            if (id != null) {
                choisies.add(id);
            }
        });
        try {
            demandes.partager(actor, cle, "true".equals(PagesAssistance.premier(form, "partageOrganisation")), choisies);
            return retour(cle, "partage", "partage");
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(actor, cle, e.erreurs(), null));
        }
    }

    @Post("/pieces")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> ajouterPiece(HttpRequest<?> request, @PathVariable String cle, @Nullable @Part("fichier") CompletedFileUpload fichier,
                                 @Nullable @Part("csrfToken") String csrfToken) {
        Actor actor = Actors.of(request);
        Path temporaire = null;
        try {
            if (fichier != null && fichier.getSize() > 0) {
                temporaire = Files.createTempFile("sne-assistance-", ".piece");
                try (InputStream in = fichier.getInputStream()) {
                    Files.copy(in, temporaire, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            demandes.ajouterPiece(actor, cle, fichier == null ? null : fichier.getFilename(), temporaire);
            return retour(cle, "piece", "pieces");
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(actor, cle, e.erreurs(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temporaire != null) {
                try {
                    Files.deleteIfExists(temporaire);
                } catch (IOException ignored) {
                    // the system's temporary folder is cleaned anyway
                }
            }
        }
    }

    @Get("/pieces/{id}")
    @Produces(MediaType.ALL)
    HttpResponse<StreamedFile> piece(HttpRequest<?> request, @PathVariable String cle, @PathVariable long id) {
        TicketRepository.Piece piece = demandes.piece(Actors.of(request), cle, id);
        StreamedFile fichier = new StreamedFile(demandes.lirePiece(piece), MediaType.of(piece.typeMime()), piece.creeLe().toEpochMilli(),
                piece.taille());
        String ascii = piece.nom().replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        return HttpResponse.ok(fichier)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(piece.nom(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-cache");
    }

    private ModelAndView<Map<String, Object>> page(Actor actor, String cle, Map<String, String> erreurs, String message) {
        DemandesAssistance.Vue vue = demandes.consulter(actor, cle);
        Ticket t = vue.ticket();
        Map<String, Object> model = PagesAssistance.modele();
        model.put("vue", vue);
        model.put("t", t);
        // the requester is invited to rate a resolved ticket (fragments-suivi :: satisfaction)
        model.put("estDemandeur", actor instanceof Actor.Professionnel p && p.utilisateurId() == t.demandeurId());
        model.put("erreurs", erreurs);
        model.put("message", message);
        model.put("descriptionHtml", rendu.html(t.descriptionMarkdown()));
        Map<Long, String> corps = new LinkedHashMap<>();
        for (Commentaire c : vue.commentaires()) {
            corps.put(c.id(), rendu.html(c.corpsMarkdown()));
        }
        model.put("corps", corps);
        var type = transactions.inScope(Scope.nationalReadOnly(), () -> types.parId(t.typeId())).orElseThrow();
        model.put("typeLibelle", type.libelle());
        model.put("champs", type.champs().stream().filter(c -> t.champs().containsKey(c.code()))
                .map(c -> Map.entry(c.libelle(), t.champs().get(c.code()))).toList());
        if (vue.agent()) {
            model.put("sla", niveaux.etats(List.of(t)).get(t.id()));
            model.put("agents", transactions.inScope(Scope.nationalReadOnly(), tickets::nomsAgents));
        }
        if (vue.peutPartager()) {
            List<Equipe> proposees = transactions.inScope(Scope.nationalReadOnly(), () -> vue.agent() ? equipes.toutes()
                    : equipes.de(((Actor.Professionnel) actor).utilisateurId()));
            // teams already shared stay listed (and ticked) even when the requester is not a member
            List<Equipe> toutes = transactions.inScope(Scope.nationalReadOnly(), equipes::toutes);
            model.put("equipesProposees", toutes.stream().filter(e -> proposees.contains(e) || vue.equipeIds().contains(e.id())).toList());
        }
        model.put("demandeur", actor instanceof Actor.Professionnel p && p.utilisateurId() == t.demandeurId());
        model.put("administrateur", AssistancePolicy.administrateur(actor));
        return new ModelAndView<>("assistance/ticket", model);
    }

    private static HttpResponse<?> retour(String cle, String message, String ancre) {
        return HttpResponse.seeOther(URI.create("/assistance/" + cle.strip().toUpperCase(java.util.Locale.ROOT) + "?message=" + message + "#" + ancre));
    }

    private static String message(String code) {
        return code == null ? null : switch (code) {
            case "creee" -> "Votre demande est envoyée à l’assistance nationale. Vous suivrez ses réponses ici.";
            case "reponse" -> "Votre réponse est publiée.";
            case "note" -> "La note interne est enregistrée (visible de l’assistance seulement).";
            case "statut" -> "Le statut est changé.";
            case "assignation" -> "L’assignation est enregistrée.";
            case "participant" -> "Le participant est ajouté.";
            case "partage" -> "Le partage est enregistré.";
            case "piece" -> "Le fichier est joint à la demande.";
            default -> null;
        };
    }
}
