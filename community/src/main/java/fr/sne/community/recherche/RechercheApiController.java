package fr.sne.community.recherche;

import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Probleme;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.time.Instant;
import java.util.List;

/**
 * The search engine for scripts: the same search as the page, with the caller's visibility
 * (no token: public content only; an API client: professional content and its territory's).
 */
@Controller("/api/v1.0/recherche")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class RechercheApiController {

    private final RechercheService service;
    private final Libelles libelles;

    RechercheApiController(RechercheService service, Libelles libelles) {
        this.service = service;
        this.libelles = libelles;
    }

    /** One page of results. */
    @Serdeable
    record Reponse(String q, long total, int page, int pages, List<Resultat> resultats, List<Facette> facettes,
                   String suggestion, boolean tousLesMots, List<String> avis) {
    }

    /** A result; {@code extrait} is HTML (escaped text, matches in {@code <mark>}). */
    @Serdeable
    record Resultat(String titre, String url, String type, String typeLibelle, List<String> themes, String espace,
                    Instant date, String extrait) {
    }

    @Serdeable
    record Facette(String dimension, String libelle, List<Valeur> valeurs) {
    }

    @Serdeable
    record Valeur(String code, String libelle, long nombre, boolean selectionnee) {
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rechercher dans l’information et la communauté",
            description = "Recherche plein texte en français (pluriels, accents et élisions ignorés ; \"expression exacte\", "
                    + "préfixe habilit*, exclusion -mot). Les résultats, le total et les nombres des facettes ne comptent que "
                    + "ce que l’appelant peut ouvrir : sans jeton (facultatif), les contenus publics ; avec le jeton d’un client d’API, "
                    + "aussi les contenus réservés aux professionnels et ceux de son territoire. Dix résultats par page, "
                    + "100 pages au plus. Les extraits sont du HTML échappé où les mots trouvés sont entourés de <mark>.",
            security = @SecurityRequirement(name = "bearer"))
    HttpResponse<?> rechercher(HttpRequest<?> request,
                               @Parameter(description = "Mots recherchés (1 000 caractères au plus)") @Nullable @QueryValue String q,
                               @Parameter(description = "Types de contenu à garder (répétable), par ex. actualite, faq, guide")
                               @Nullable @QueryValue List<String> type,
                               @Parameter(description = "Thèmes à garder (répétable), par ex. cotation, reglementation")
                               @Nullable @QueryValue List<String> theme,
                               @Parameter(description = "Espaces de la communauté à garder (répétable)") @Nullable @QueryValue List<String> espace,
                               @Parameter(description = "Périodes à garder (répétable) : mois, annee, cinq-ans, ancien")
                               @Nullable @QueryValue List<String> periode,
                               @Parameter(description = "Page, de 1 à 100") @Nullable @QueryValue String page,
                               @Parameter(description = "pertinence (par défaut) ou date") @Nullable @QueryValue String tri) {
        ParametresRecherche parametres = new ParametresRecherche(q, type, theme, espace, periode, page, tri);
        if (parametres.vide()) {
            return new Probleme("about:blank", "Requête invalide", 400, "Indiquez les mots recherchés (paramètre q) ou au moins un filtre.",
                    null, List.of(new Probleme.Anomalie("PARAMETRE_OBLIGATOIRE", "q", "Indiquez les mots recherchés."))).response();
        }
        ParametresRecherche.Lecture lecture = parametres.lire();
        if (!lecture.valide()) {
            return new Probleme("about:blank", "Requête invalide", HttpStatus.BAD_REQUEST.getCode(),
                    "Un ou plusieurs paramètres de la recherche sont invalides.", null, lecture.anomalies()).response();
        }
        Resultats r = service.rechercher(Actors.of(request), lecture.recherche());
        return HttpResponse.ok(new Reponse(q, r.total(), r.page(), r.pages(),
                r.resultats().stream().map(x -> new Resultat(x.titre(), x.url(), x.type(),
                        x.type() == null ? null : libelles.valeur(Schema.DIM_TYPE, x.type()), x.themes(), x.espace(), x.date(),
                        x.extraitHtml())).toList(),
                r.facettes().stream().map(f -> new Facette(f.dimension(), f.libelle(), f.valeurs().stream()
                        .map(v -> new Valeur(v.code(), v.libelle(), v.nombre(), v.selectionnee())).toList())).toList(),
                r.suggestion(), r.tousLesMots(), r.avis()));
    }
}
