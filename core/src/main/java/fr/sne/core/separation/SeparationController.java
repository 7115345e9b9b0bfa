package fr.sne.core.separation;

import fr.sne.core.demande.ActionDemande;
import fr.sne.core.demande.DemandeInvalide;
import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandePolicy;
import fr.sne.core.demande.DemandeService;
import fr.sne.core.demande.DoublonsProbables;
import fr.sne.core.demande.VersionPerimee;
import fr.sne.core.referentiel.ListesCodes;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.ProtectionCsrf;
import fr.sne.tenants.web.Refus;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Duplication pour création d'une demande suite à séparation" at the desk: one form (who leaves,
 * where they live, which dependants follow), then the desk is taken to the couple's application
 * to update it.
 */
@Controller("/pro/demandes/{numero}/separation")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class SeparationController {

    private static final String VUE = "pro/demande/separation";
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DemandeService demandes;
    private final DemandePolicy policy;
    private final ListesCodes codes;

    SeparationController(DemandeService demandes, DemandePolicy policy, ListesCodes codes) {
        this.demandes = demandes;
        this.policy = policy;
        this.codes = codes;
    }

    @Get
    ModelAndView<Map<String, Object>> formulaire(HttpRequest<?> request, @PathVariable String numero) {
        Actor.Professionnel actor = Acces.professionnel(request);
        DemandeJson.Demande d = origine(actor, numero);
        Map<String, String> valeurs = new HashMap<>();
        valeurs.put("rangCotitulaire", d.contenu().cotitulairesOuVide().size() == 1 ? "1" : "");
        valeurs.put("demandeur.situationFamiliale", "S");
        return new ModelAndView<>(VUE, modele(d, d.version(), valeurs, List.of(), Map.of(), null));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> separer(HttpRequest<?> request, @PathVariable String numero, @Body Map<String, Object> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        DemandeJson.Demande d = origine(actor, numero);
        Map<String, String> valeurs = new HashMap<>();
        List<String> personnes = new ArrayList<>();
        form.forEach((k, v) -> {
            if ("personnesACharge".equals(k)) {
                (v instanceof List<?> l ? l : List.of(v)).forEach(x -> personnes.add(String.valueOf(x)));
            } else {
                valeurs.put(k, v instanceof List<?> l ? (l.isEmpty() ? "" : String.valueOf(l.getFirst())) : String.valueOf(v));
            }
        });
        String version = valeurs.getOrDefault("version", "");
        int lue = version.matches("\\d{1,9}") ? Integer.parseInt(version) : 0;
        Separation separation = new Separation(entier(valeurs.get("rangCotitulaire")),
                new DemandeJson.Adresse(texte(valeurs, "demandeur.adresse.numero"), texte(valeurs, "demandeur.adresse.voie"),
                        texte(valeurs, "demandeur.adresse.complement"), texte(valeurs, "demandeur.adresse.codePostal"),
                        texte(valeurs, "demandeur.adresse.communeInsee"), null, null, null),
                texte(valeurs, "demandeur.situationFamiliale"), texte(valeurs, "demandeur.mel"),
                texte(valeurs, "demandeur.telPortable"), personnes.stream().map(SeparationController::entier).toList(),
                texte(valeurs, "confirmationNonDoublon"));
        try {
            String nouveau = demandes.separer(actor, numero, lue, separation::creation).demande().numeroUnique();
            return HttpResponse.seeOther(URI.create("/pro/demandes/" + numero + "/modifier?onglet=conjoint&separation="
                    + URLEncoder.encode(nouveau, StandardCharsets.UTF_8)));
        } catch (DemandeInvalide e) {
            Map<String, String> erreurs = new LinkedHashMap<>();
            e.anomalies().forEach(a -> erreurs.merge(champ(a.champ()), a.message(), (x, y) -> x + " " + y));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(VUE, modele(d, lue, valeurs, personnes, erreurs, null)));
        } catch (DoublonsProbables e) {
            Map<String, String> erreurs = Map.of("confirmationNonDoublon",
                    "Une demande active du territoire existe déjà pour cette personne : indiquez pourquoi en créer une autre.");
            return HttpResponse.status(HttpStatus.CONFLICT)
                    .body(new ModelAndView<>(VUE, modele(d, lue, valeurs, personnes, erreurs, e.numeros())));
        } catch (VersionPerimee e) {
            Map<String, String> erreurs = Map.of("rangCotitulaire",
                    "La demande a été modifiée pendant votre saisie : vérifiez le cotitulaire et les personnes choisis, puis validez à nouveau.");
            return HttpResponse.status(HttpStatus.CONFLICT)
                    .body(new ModelAndView<>(VUE, modele(demandes.consulter(actor, numero), e.versionActuelle(), valeurs, personnes,
                            erreurs, null)));
        }
    }

    /** The couple's application, if this desk may duplicate it now. */
    private DemandeJson.Demande origine(Actor.Professionnel actor, String numero) {
        DemandeJson.Demande d = demandes.consulter(actor, numero);
        Acces.exiger(policy.decider(actor, ActionDemande.CREER, d.territoire()));
        if (!"ACTIVE".equals(d.etat()) || d.contenu().cotitulairesOuVide().isEmpty()) {
            throw new Refus(HttpStatus.CONFLICT, "Seule une demande active avec un cotitulaire peut être dupliquée après une séparation.");
        }
        return d;
    }

    private Map<String, Object> modele(DemandeJson.Demande d, int version, Map<String, String> valeurs, List<String> personnes,
                                       Map<String, String> erreurs, List<String> doublons) {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "pro");
        model.put("demande", d);
        model.put("version", version);
        model.put("v", valeurs);
        model.put("personnesChoisies", personnes);
        model.put("erreurs", erreurs);
        model.put("doublons", doublons);
        Map<String, String> cotitulaires = new LinkedHashMap<>();
        List<DemandeJson.Cotitulaire> liste = d.contenu().cotitulairesOuVide();
        for (int i = 0; i < liste.size(); i++) {
            DemandeJson.Cotitulaire c = liste.get(i);
            cotitulaires.put(String.valueOf(i + 1), personne(c.prenoms(), c.nomNaissance(), c.dateNaissance()));
        }
        model.put("cotitulaires", cotitulaires);
        Map<String, String> aCharge = new LinkedHashMap<>();
        List<DemandeJson.PersonneACharge> pac = d.contenu().personnesAChargeOuVide();
        for (int i = 0; i < pac.size(); i++) {
            DemandeJson.PersonneACharge p = pac.get(i);
            aCharge.put(String.valueOf(i + 1), personne(p.prenoms(), p.nomNaissance(), p.dateNaissance()));
        }
        model.put("personnes", aCharge);
        model.put("situations", codes.liste("situationFamiliale"));
        return model;
    }

    private static String personne(String prenoms, String nom, LocalDate naissance) {
        String s = ((prenoms == null ? "" : prenoms) + " " + (nom == null ? "" : nom)).strip();
        return naissance == null ? s : s + ", né(e) le " + naissance.format(JOUR);
    }

    /** Anomalies of the new applicant's content land on this form's fields. */
    private static String champ(String chemin) {
        if (chemin == null) {
            return "rangCotitulaire";
        }
        if (chemin.startsWith("demandeur.adresse")) {
            return chemin.equals("demandeur.adresse") ? "demandeur.adresse.voie" : chemin;
        }
        return switch (chemin) {
            case "demandeur.situationFamiliale", "demandeur.mel", "demandeur.telPortable", "personnesACharge",
                 "confirmationNonDoublon", "rangCotitulaire" -> chemin;
            // the co-holder's own data (civil status, NIR…) is corrected on the couple's application first
            default -> "rangCotitulaire";
        };
    }

    private static String texte(Map<String, String> valeurs, String champ) {
        return Formulaire.texte(valeurs.get(champ));
    }

    private static int entier(String s) {
        return s != null && s.strip().matches("\\d{1,3}") ? Integer.parseInt(s.strip()) : 0;
    }
}
