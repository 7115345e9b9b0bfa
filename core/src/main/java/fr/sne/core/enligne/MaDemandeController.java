package fr.sne.core.enligne;

import fr.sne.core.attestation.TypeAttestation;
import fr.sne.core.demande.VoletDemande;
import fr.sne.core.demande.Volets;
import fr.sne.core.referentiel.ListesCodes;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.ProtectionCsrf;
import fr.sne.tenants.web.Refus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The applicant's registered application on the portal: its page with its state and its
 * attestations, and "Mettre à jour ma demande", step by step with the online filing's forms.
 */
@Controller("/mes-demandes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class MaDemandeController {

    private static final String PDF = "application/pdf";

    private final MaDemandeService service;
    private final Map<String, Map<String, String>> listes;
    private final Clock clock;
    private final Volets volets;

    MaDemandeController(MaDemandeService service, ListesCodes codes, Clock clock, Volets volets) {
        this.service = service;
        this.volets = volets;
        this.clock = clock;
        Map<String, Map<String, String>> l = new HashMap<>();
        DepotEnLigneController.LISTES.forEach(nom -> l.put(nom, codes.liste(nom)));
        this.listes = Map.copyOf(l);
    }

    @Get("/{numero}")
    ModelAndView<Map<String, Object>> fiche(HttpRequest<?> request, @PathVariable String numero, @Nullable @QueryValue String message) {
        MaDemandeService.Fiche fiche = service.fiche(Actors.of(request), numero);
        Map<String, Object> model = new HashMap<>();
        model.put("demande", fiche.demande());
        model.put("sections", fiche.sections());
        model.put("premiereEtape", Etape.IDENTITE.getCode());
        model.put("message", "modifiee".equals(message) ? "Votre demande a été mise à jour." : null);
        model.put("volets", volets.pour(Actors.of(request), fiche.demande(), VoletDemande.Lecteur.DEMANDEUR));
        return new ModelAndView<>("portail/demande/enregistree", modele(model));
    }

    /** The simplified attestation, or the full one with {@code ?type=complete}. */
    @Get("/{numero}/attestation.pdf")
    @Produces({PDF, MediaType.TEXT_HTML})
    HttpResponse<?> attestation(HttpRequest<?> request, @PathVariable String numero, @Nullable @QueryValue String type) {
        TypeAttestation choisi = type == null ? TypeAttestation.SIMPLIFIEE : TypeAttestation.de(type)
                .orElseThrow(() -> new Refus(HttpStatus.BAD_REQUEST, "Type d’attestation inconnu : « complete » ou « simplifiee »."));
        byte[] pdf = service.attestation(Actors.of(request), numero, choisi);
        String fichier = "attestation-" + (choisi == TypeAttestation.SIMPLIFIEE ? "simplifiee-" : "")
                + numero.replaceAll("[^0-9A-Z]", "") + ".pdf";
        return HttpResponse.ok(pdf).contentType(PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fichier + "\"");
    }

    @Get("/{numero}/{etape}")
    ModelAndView<Map<String, Object>> etape(HttpRequest<?> request, @PathVariable String numero, @PathVariable String etape) {
        return vue(service.page(Actors.of(request), numero, etape(etape)));
    }

    /** Saves a step; {@code action}: {@code continuer} (next step) or {@code quitter} (back to the application). */
    @Post("/{numero}/{etape}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enregistrer(HttpRequest<?> request, @PathVariable String numero, @PathVariable String etape,
                                @Body Map<String, String> form) {
        Etape e = etape(etape);
        int version;
        try {
            version = Integer.parseInt(form.getOrDefault("version", ""));
        } catch (NumberFormatException ex) {
            throw new Refus(HttpStatus.BAD_REQUEST, "Le formulaire est incomplet : rechargez la page.");
        }
        MaDemandeService.Enregistrement r = service.enregistrer(Actors.of(request), numero, e, form, version);
        if (!r.enregistree()) {
            HttpStatus status = r.page().conflit().isEmpty() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.CONFLICT;
            return HttpResponse.status(status).body(vue(r.page()));
        }
        int rang = MaDemandeService.ETAPES.indexOf(e);
        if ("continuer".equals(form.get("action")) && rang + 1 < MaDemandeService.ETAPES.size()) {
            return HttpResponse.seeOther(URI.create("/mes-demandes/" + numero + "/" + MaDemandeService.ETAPES.get(rang + 1).getCode()));
        }
        return HttpResponse.seeOther(URI.create("/mes-demandes/" + numero + "?message=modifiee"));
    }

    private static Etape etape(String code) {
        return Etape.deCode(code).filter(MaDemandeService.ETAPES::contains)
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Page introuvable"));
    }

    private ModelAndView<Map<String, Object>> vue(MaDemandeService.PageMaj page) {
        Map<String, Object> model = new HashMap<>();
        model.put("demande", page.demande());
        model.put("etape", page.etape());
        model.put("etapes", MaDemandeService.ETAPES);
        model.put("version", page.version());
        model.put("valeurs", page.valeurs());
        model.put("lignes", page.lignes());
        model.put("nombres", page.nombres());
        model.put("erreurs", page.erreurs());
        model.put("verrous", page.verrous());
        model.put("conflit", page.conflit());
        model.put("listes", listes);
        int annee = Year.now(clock.withZone(ZoneId.of("Europe/Paris"))).getValue();
        model.put("anneeN1", annee - 1);
        model.put("anneeN2", annee - 2);
        return new ModelAndView<>("portail/demande/maj", modele(model));
    }

    private static Map<String, Object> modele(Map<String, Object> contenu) {
        Map<String, Object> model = new HashMap<>(contenu);
        model.put("currentNav", "portail");
        return model;
    }
}
