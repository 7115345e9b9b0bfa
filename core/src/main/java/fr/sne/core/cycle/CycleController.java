package fr.sne.core.cycle;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandeService;
import fr.sne.core.referentiel.ListesCodes;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.ProtectionCsrf;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The professionals' pages of an application's life, reached from its page's lifecycle panel:
 * renewal (one button), radiation (choose the motif, then what it needs, errors next to their
 * fields), de-radiation (with its reason).
 */
@Controller("/pro/demandes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class CycleController {

    private final CycleService cycle;
    private final DemandeService demandes;
    private final ListesCodes codes;

    CycleController(CycleService cycle, DemandeService demandes, ListesCodes codes) {
        this.cycle = cycle;
        this.demandes = demandes;
        this.codes = codes;
    }

    @Post("/{numero}/renouvellement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> renouveler(HttpRequest<?> request, @PathVariable String numero, @Nullable @Body Map<String, String> form) {
        cycle.renouveler(Acces.professionnel(request), numero, null);
        return retour(numero);
    }

    @Get("/{numero}/radiation")
    ModelAndView<Map<String, Object>> radiation(HttpRequest<?> request, @PathVariable String numero, @Nullable @QueryValue String motif) {
        Actor.Professionnel actor = Acces.professionnel(request);
        DemandeJson.Demande d = demandes.consulter(actor, numero);
        List<MotifRadiation> permis = permis(actor, d);
        if (!"ACTIVE".equals(d.etat())) {
            throw new Refus(HttpStatus.CONFLICT, "La demande " + numero + " est déjà radiée.");
        }
        MotifRadiation choisi = motif == null ? null : MotifRadiation.de(motif).filter(permis::contains)
                .orElseThrow(() -> new Refus(HttpStatus.FORBIDDEN, "Votre guichet ne peut pas radier une demande pour ce motif."));
        return radiation(actor, d, permis, choisi, Map.of(), Map.of(), null);
    }

    @Post("/{numero}/radiation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> radier(HttpRequest<?> request, @PathVariable String numero, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        DemandeJson.Demande d = demandes.consulter(actor, numero);
        List<MotifRadiation> permis = permis(actor, d);
        MotifRadiation motif = MotifRadiation.de(form.get("motif")).filter(permis::contains)
                .orElseThrow(() -> new Refus(HttpStatus.FORBIDDEN, "Votre guichet ne peut pas radier une demande pour ce motif."));
        Map<String, String> erreurs = new LinkedHashMap<>();
        DemandeRadiation demande = lire(motif, form, erreurs);
        if (!erreurs.isEmpty()) {
            // unreadable values first, then what else is missing or wrong: every error at once
            ValidationRadiation.anomalies(demande, cycle.aujourdhui()).forEach(a -> erreurs.putIfAbsent(id(a.champ()), a.message()));
        } else {
            try {
                cycle.radier(actor, numero, demande, null);
                return retour(numero);
            } catch (RadiationInvalide e) {
                e.anomalies().forEach(a -> erreurs.putIfAbsent(id(a.champ()), a.message()));
            } catch (Refus e) {
                if (e.getStatus() != HttpStatus.CONFLICT) {
                    throw e;
                }
                return HttpResponse.status(HttpStatus.CONFLICT).body(radiation(actor, d, permis, motif, form, Map.of(), e.getMessage()));
            }
        }
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(radiation(actor, d, permis, motif, form, erreurs, null));
    }

    @Get("/{numero}/deradiation")
    ModelAndView<Map<String, Object>> deradiation(HttpRequest<?> request, @PathVariable String numero) {
        Actor.Professionnel actor = Acces.professionnel(request);
        DemandeJson.Demande d = demandes.consulter(actor, numero);
        cycle.exigerDeradiation(actor, d.territoire());
        return deradiation(actor, d, null, Map.of(), null);
    }

    @Post("/{numero}/deradiation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deradier(HttpRequest<?> request, @PathVariable String numero, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        String raison = form.get("motif");
        try {
            cycle.deradier(actor, numero, raison);
            return retour(numero);
        } catch (RadiationInvalide e) {
            Map<String, String> erreurs = new LinkedHashMap<>();
            e.anomalies().forEach(a -> erreurs.putIfAbsent(a.champ(), a.message()));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(deradiation(actor, demandes.consulter(actor, numero), raison, erreurs, null));
        }
    }

    /** Back to the application's page, at its lifecycle panel (which tells what changed). */
    private static HttpResponse<?> retour(String numero) {
        return HttpResponse.seeOther(URI.create("/pro/demandes/" + numero + "#cycle"));
    }

    private List<MotifRadiation> permis(Actor.Professionnel actor, DemandeJson.Demande d) {
        List<MotifRadiation> permis = cycle.motifsPermis(actor, d.territoire());
        if (permis.isEmpty()) {
            throw new Refus(HttpStatus.FORBIDDEN, "Votre profil ne permet pas de radier une demande.");
        }
        return permis;
    }

    private ModelAndView<Map<String, Object>> radiation(Actor.Professionnel actor, DemandeJson.Demande d, List<MotifRadiation> permis,
                                                        MotifRadiation motif, Map<String, String> valeurs,
                                                        Map<String, String> erreurs, String conflit) {
        Map<String, Object> model = page(d);
        model.put("motifs", permis);
        model.put("radattPermis", permis.contains(MotifRadiation.RADATT));
        model.put("motif", motif);
        model.put("v", valeurs);
        model.put("erreurs", erreurs);
        model.put("conflit", conflit);
        model.put("aujourdhui", cycle.aujourdhui().toString());
        model.put("sousMotifs", MotifRadiation.SousMotif.values());
        model.put("contingents", codes.liste("typeReservataire"));
        model.put("typesLogement", codes.liste("typeLogementRpls"));
        model.put("avertissement", cycle.dernierAvertissement(Acces.scope(actor), d.territoire(), d.numeroUnique())
                .map(CycleService::jour).orElse(null));
        return new ModelAndView<>("pro/demande/cycle/radiation", model);
    }

    private ModelAndView<Map<String, Object>> deradiation(Actor.Professionnel actor, DemandeJson.Demande d, String raison,
                                                          Map<String, String> erreurs, String conflit) {
        if ("ACTIVE".equals(d.etat())) {
            throw new Refus(HttpStatus.CONFLICT, "La demande " + d.numeroUnique() + " n’est pas radiée.");
        }
        Map<String, Object> model = page(d);
        model.put("radiation", cycle.radiations(Acces.scope(actor), d.territoire(), d.numeroUnique()).stream()
                .filter(Radiation::enVigueur).findFirst().map(r -> r.motif().libelle() + ", le " + CycleService.jour(r.date()))
                .orElse(null));
        model.put("raison", raison);
        model.put("erreurs", erreurs);
        model.put("conflit", conflit);
        model.put("echeance", CycleService.jour(Echeances.apresDeradiation(d.dateProchainRenouvellement(), cycle.aujourdhui())));
        return new ModelAndView<>("pro/demande/cycle/deradiation", model);
    }

    private static Map<String, Object> page(DemandeJson.Demande d) {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "pro");
        model.put("demande", d);
        return model;
    }

    /** The form's fields (ids: the JSON paths with dashes) as the API's body; unreadable values go to {@code erreurs}. */
    static DemandeRadiation lire(MotifRadiation motif, Map<String, String> f, Map<String, String> erreurs) {
        String sousMotif = motif == MotifRadiation.RADIRR ? texte(f.get("sousMotif")) : null;
        LocalDate renonciation = motif == MotifRadiation.RADABA ? date(f, "dateRenonciation", erreurs) : null;
        DemandeRadiation.Attribution attribution = null;
        if (motif == MotifRadiation.RADATT) {
            DemandeRadiation.Logement logement = new DemandeRadiation.Logement(texte(f.get("attribution-logement-adresse")),
                    texte(f.get("attribution-logement-type")), nombre(f, "attribution-logement-surface", erreurs),
                    nombre(f, "attribution-logement-loyer", erreurs));
            boolean decrit = logement.adresse() != null || logement.type() != null || logement.surface() != null
                    || logement.loyer() != null;
            attribution = new DemandeRadiation.Attribution(date(f, "attribution-dateSignatureBail", erreurs),
                    texte(f.get("attribution-rpls")), decrit ? logement : null, texte(f.get("attribution-contingent")),
                    texte(f.get("attribution-reservataire")), date(f, "attribution-dateCommission", erreurs));
        }
        return new DemandeRadiation(motif.name(), sousMotif, renonciation, texte(f.get("commentaire")), attribution);
    }

    /** A field's id for an anomaly's JSON path. */
    static String id(String champ) {
        return champ.replace('.', '-');
    }

    private static LocalDate date(Map<String, String> f, String champ, Map<String, String> erreurs) {
        String s = texte(f.get(champ));
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            erreurs.put(champ, "Date invalide : indiquez-la au format jj/mm/aaaa.");
            return null;
        }
    }

    private static BigDecimal nombre(Map<String, String> f, String champ, Map<String, String> erreurs) {
        String s = texte(f.get(champ));
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.replace(" ", "").replace("\u202f", "").replace("\u00a0", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            erreurs.put(champ, "Nombre invalide : des chiffres, avec au plus deux décimales (ex. 54,5).");
            return null;
        }
    }

    private static String texte(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
