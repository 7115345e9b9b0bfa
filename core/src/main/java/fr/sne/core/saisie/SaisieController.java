package fr.sne.core.saisie;

import fr.sne.core.demande.ActionDemande;
import fr.sne.core.demande.DemandeInvalide;
import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandePolicy;
import fr.sne.core.demande.DemandeService;
import fr.sne.core.demande.DoublonsProbables;
import fr.sne.core.demande.VersionPerimee;
import fr.sne.core.demande.VoletDemande;
import fr.sne.core.demande.Volets;
import fr.sne.core.referentiel.ListesCodes;
import fr.sne.tenants.geographie.Geographie;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Probleme;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The desk's pages for one application: the CERFA form in tabs (drafts, registration with the
 * duplicate check), the application's page and its update with optimistic locking.
 */
@Controller("/pro")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class SaisieController {

    private static final DateTimeFormatter HORODATAGE = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");
    private static final String NOM_EN_ATTENTE = "nom-en-attente";
    private static final String MESSAGE_NOM_EN_ATTENTE = "Les modifications sont enregistrées, sauf le nom : changement de nom "
            + "en attente de validation par le gestionnaire territorial ou un guichet manager du guichet. "
            + "D’ici là, la demande garde ses nom et prénoms.";

    /** A person whose work and resources are asked: the form path of their part. */
    record PersonneRevenus(String id, String chemin, String libelle) {
    }

    record Colonne(String chemin, String libelle) {
    }

    record TableRessources(String titre, Map<String, String> codes, List<Colonne> colonnes) {
    }

    record EntreeOnglet(String code, String libelle, boolean courant, long nbErreurs) {
    }

    record Lien(String lien, String message) {
    }

    record Conflit(String auteur, String le, String champs) {
    }

    private final SaisieService service;
    private final DemandeService demandes;
    private final DemandePolicy policy;
    private final FormulaireCerfa formulaire;
    private final FicheDemande fiche;
    private final ListesCodes codes;
    private final Geographie geographie;
    private final TenantTransactions transactions;
    private final Volets volets;

    SaisieController(SaisieService service, DemandeService demandes, DemandePolicy policy, FormulaireCerfa formulaire,
                     FicheDemande fiche, ListesCodes codes, Geographie geographie,
                     TenantTransactions transactions, Volets volets) {
        this.volets = volets;
        this.service = service;
        this.demandes = demandes;
        this.policy = policy;
        this.formulaire = formulaire;
        this.fiche = fiche;
        this.codes = codes;
        this.geographie = geographie;
        this.transactions = transactions;
    }

    @Get("/brouillons")
    ModelAndView<Map<String, Object>> brouillons(HttpRequest<?> request, @Nullable @QueryValue String message) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Map<String, Object> model = page();
        model.put("brouillons", service.brouillons(actor));
        model.put("message", "brouillon".equals(message) ? "Le brouillon a été enregistré." : null);
        return new ModelAndView<>("pro/demande/brouillons", model);
    }

    @Get("/demandes/nouvelle")
    ModelAndView<Map<String, Object>> nouvelle(HttpRequest<?> request) {
        Actor.Professionnel actor = Acces.professionnel(request);
        service.brouillons(actor); // same rule as drafts: a registering desk
        Vue vue = new Vue("Nouvelle demande", "/pro/brouillons", Onglet.DEMANDEUR, vide(), Map.of(), null, true);
        return vue.rendre();
    }

    @Get("/brouillons/{id}")
    ModelAndView<Map<String, Object>> brouillon(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String onglet,
                                                @Nullable @QueryValue Boolean verifier) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Brouillon b = service.brouillon(actor, id);
        Onglet o = onglet == null ? b.onglet() : Onglet.parCode(onglet).orElse(b.onglet());
        Vue vue = new Vue("Nouvelle demande — " + b.titre(), "/pro/brouillons/" + id, o, b.contenu(), Map.of(), null, true);
        vue.verifier(actor, Boolean.TRUE.equals(verifier), id);
        return vue.rendre();
    }

    @Post("/brouillons")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> creerBrouillon(HttpRequest<?> request, @Body Map<String, Object> form) {
        return sauver(Acces.professionnel(request), null, vide(), form);
    }

    @Post("/brouillons/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> sauverBrouillon(HttpRequest<?> request, @PathVariable long id, @Body Map<String, Object> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        return sauver(actor, id, service.brouillon(actor, id).contenu(), form);
    }

    private HttpResponse<?> sauver(Actor.Professionnel actor, Long id, DemandeJson.Contenu base, Map<String, Object> form) {
        Map<String, List<String>> valeurs = valeurs(form);
        Onglet courant = Onglet.parCode(premier(valeurs, "onglet")).orElse(Onglet.DEMANDEUR);
        FormulaireCerfa.Lecture lecture = formulaire.lire(base, courant, valeurs);
        long brouillon = service.enregistrer(actor, id, lecture.contenu(), courant);
        if (!lecture.erreurs().isEmpty()) {
            Vue vue = new Vue("Nouvelle demande", "/pro/brouillons/" + brouillon, courant, lecture.contenu(), lecture.erreurs(), null, true);
            vue.saisies(valeurs, lecture.erreurs());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(vue.rendre());
        }
        String action = premier(valeurs, "action");
        if ("brouillon".equals(action)) {
            return HttpResponse.seeOther(URI.create("/pro/brouillons?message=brouillon"));
        }
        if ("deposer".equals(action)) {
            return deposer(actor, brouillon, null);
        }
        String aller = Onglet.parCode(premier(valeurs, "aller")).orElse(courant).code();
        return HttpResponse.seeOther(URI.create("/pro/brouillons/" + brouillon + "?onglet=" + aller));
    }

    @Post("/brouillons/{id}/enregistrement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirmer(HttpRequest<?> request, @PathVariable long id, @Body Map<String, Object> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        String motif = premier(valeurs(form), "confirmationNonDoublon");
        if (motif == null || motif.isBlank()) {
            return doublons(actor, id, Map.of("confirmationNonDoublon",
                    "Indiquez pourquoi cette demande n’est pas un doublon (ex. homonyme vérifié sur pièce d’identité)."));
        }
        return deposer(actor, id, motif.strip());
    }

    /** Registers the draft: anomalies → the form; probable duplicates → the comparison page; else the new application. */
    private HttpResponse<?> deposer(Actor.Professionnel actor, long id, String confirmation) {
        try {
            DemandeJson.Demande d = service.deposer(actor, id, confirmation);
            return HttpResponse.seeOther(URI.create("/pro/demandes/" + d.numeroUnique() + "?message=enregistree"));
        } catch (DemandeInvalide e) {
            Brouillon b = service.brouillon(actor, id);
            Vue vue = new Vue("Nouvelle demande — " + b.titre(), "/pro/brouillons/" + id, Onglet.DEMANDEUR, b.contenu(), Map.of(), null, true);
            vue.anomalies(e.anomalies(), id);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(vue.rendre());
        } catch (DoublonsProbables e) {
            return doublons(actor, id, Map.of());
        }
    }

    private HttpResponse<?> doublons(Actor.Professionnel actor, long id, Map<String, String> erreurs) {
        Brouillon b = service.brouillon(actor, id);
        Map<String, Object> model = page();
        model.put("brouillonId", id);
        model.put("candidats", service.candidats(actor, b.contenu().demandeur()));
        model.put("erreurs", erreurs);
        return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("pro/demande/doublons", model));
    }

    @Get("/demandes/{numero}")
    ModelAndView<Map<String, Object>> demande(HttpRequest<?> request, @PathVariable String numero, @Nullable @QueryValue String message) {
        Actor.Professionnel actor = Acces.professionnel(request);
        DemandeJson.Demande d = demandes.consulter(actor, numero);
        Map<String, Object> model = page();
        model.put("demande", d);
        model.put("sections", transactions.withoutScope(() -> fiche.sections(d.contenu())));
        model.put("peutModifier", policy.decider(actor, ActionDemande.MODIFIER, d.territoire()).autorisee() && "ACTIVE".equals(d.etat()));
        model.put("volets", volets.pour(actor, d, VoletDemande.Lecteur.PROFESSIONNEL));
        model.put("message", message == null ? null : switch (message) {
            case "enregistree" -> "La demande est enregistrée sous le numéro unique " + numero + ".";
            case "modifiee" -> "Les modifications sont enregistrées.";
            case NOM_EN_ATTENTE -> MESSAGE_NOM_EN_ATTENTE;
            default -> null;
        });
        return new ModelAndView<>("pro/demande/fiche", model);
    }

    @Get("/demandes/{numero}/modifier")
    ModelAndView<Map<String, Object>> modifier(HttpRequest<?> request, @PathVariable String numero, @Nullable @QueryValue String onglet,
                                               @Nullable @QueryValue String separation, @Nullable @QueryValue String message) {
        Actor.Professionnel actor = Acces.professionnel(request);
        DemandeJson.Demande d = demandes.consulter(actor, numero);
        Acces.exiger(policy.decider(actor, ActionDemande.MODIFIER, d.territoire()));
        Onglet o = Onglet.parCode(onglet).orElse(Onglet.DEMANDEUR);
        Vue vue = new Vue("Modifier la demande " + numero, "/pro/demandes/" + numero + "/modifier", o, d.contenu(), Map.of(),
                d.version(), false);
        if (NOM_EN_ATTENTE.equals(message)) {
            vue.model.put("message", MESSAGE_NOM_EN_ATTENTE);
        } else if (separation != null && separation.matches("[0-9A-Z]{18}")) {
            // after a separation, the desk is guided to update the couple's application
            vue.model.put("message", "La demande n° " + separation + " est créée pour l’ancien cotitulaire, avec la même date "
                    + "de dépôt. Mettez maintenant à jour cette demande-ci : situation familiale (rubrique « Demandeur ») et "
                    + "retrait du cotitulaire (rubrique « Conjoint ou cotitulaire »), puis ressources et personnes à charge.");
        }
        return vue.rendre();
    }

    @Post("/demandes/{numero}/modifier")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enregistrerModification(HttpRequest<?> request, @PathVariable String numero, @Body Map<String, Object> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Map<String, List<String>> valeurs = valeurs(form);
        Onglet courant = Onglet.parCode(premier(valeurs, "onglet")).orElse(Onglet.DEMANDEUR);
        String version = premier(valeurs, "version");
        int lue = version != null && version.matches("\\d{1,9}") ? Integer.parseInt(version) : 0;
        DemandeJson.Demande actuelle = demandes.consulter(actor, numero);
        FormulaireCerfa.Lecture lecture = formulaire.lire(actuelle.contenu(), courant, valeurs);
        String action = "/pro/demandes/" + numero + "/modifier";
        if (!lecture.erreurs().isEmpty()) {
            Vue vue = new Vue("Modifier la demande " + numero, action, courant, lecture.contenu(), lecture.erreurs(), lue, false);
            vue.saisies(valeurs, lecture.erreurs());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(vue.rendre());
        }
        DemandeService.Modification modification;
        try {
            modification = demandes.modification(actor, numero, lue, DemandeJson.Creation.de(lecture.contenu()));
        } catch (DemandeInvalide e) {
            Vue vue = new Vue("Modifier la demande " + numero, action, courant, lecture.contenu(), Map.of(), lue, false);
            vue.anomaliesDeLOnglet(e.anomalies());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(vue.rendre());
        } catch (VersionPerimee e) {
            // the person's values stay in the form; saving again applies them to the current version
            Vue vue = new Vue("Modifier la demande " + numero, action, courant, lecture.contenu(), Map.of(), e.versionActuelle(), false);
            vue.conflit(e.ecritures());
            return HttpResponse.status(HttpStatus.CONFLICT).body(vue.rendre());
        }
        // a major change of name was held back (anti-fraud): the agent is told, wherever they go next
        boolean nomEnAttente = !modification.retenues().isEmpty();
        if ("modifier".equals(premier(valeurs, "action"))) {
            return HttpResponse.seeOther(URI.create("/pro/demandes/" + numero + "?message=" + (nomEnAttente ? NOM_EN_ATTENTE : "modifiee")));
        }
        String aller = Onglet.parCode(premier(valeurs, "aller")).orElse(courant).code();
        return HttpResponse.seeOther(URI.create(action + "?onglet=" + aller + (nomEnAttente ? "&message=" + NOM_EN_ATTENTE : "")));
    }

    /** The form page being built: its model and what it shows. */
    private final class Vue {

        private final Map<String, Object> model = page();
        private final Onglet onglet;
        private final DemandeJson.Contenu contenu;
        private final Map<String, String> champs;
        private final Map<String, String> erreurs = new LinkedHashMap<>();
        private List<Lien> resume = List.of();

        Vue(String titre, String action, Onglet onglet, DemandeJson.Contenu contenu, Map<String, String> erreurs,
            Integer version, boolean creation) {
            this.onglet = onglet;
            this.contenu = contenu;
            this.champs = new HashMap<>(formulaire.champs(contenu));
            this.erreurs.putAll(erreurs);
            model.put("titre", titre);
            model.put("action", action);
            model.put("version", version);
            model.put("creation", creation);
        }

        /** Keeps what the person typed in fields that could not be read, to correct it. */
        void saisies(Map<String, List<String>> valeurs, Map<String, String> illisibles) {
            illisibles.keySet().forEach(k -> champs.put(k, premier(valeurs, k)));
        }

        /** Anomalies of a draft: all of them when asked to check, else those of the fields already filled in this tab. */
        void verifier(Actor.Professionnel actor, boolean tout, long id) {
            List<Probleme.Anomalie> anomalies = demandes.anomalies(actor, DemandeJson.Creation.de(contenu), null);
            if (tout) {
                anomalies(anomalies, id);
            } else {
                onglets(anomalies);
                formulaire.erreurs(anomalies.stream().filter(a -> !a.code().equals("OBLIGATOIRE")).toList(), contenu)
                        .forEach((k, v) -> {
                            if (onglet.possede(k) || Onglet.de(k) == onglet) {
                                erreurs.putIfAbsent(k, v);
                            }
                        });
            }
        }

        void anomalies(List<Probleme.Anomalie> anomalies, long id) {
            Map<String, String> parChamp = formulaire.erreurs(anomalies, contenu);
            List<Lien> liens = new ArrayList<>();
            parChamp.forEach((k, v) -> {
                Onglet o = Onglet.de(k);
                if (o == onglet) {
                    erreurs.putIfAbsent(k, v);
                }
                liens.add(new Lien("/pro/brouillons/" + id + "?onglet=" + o.code() + "&verifier=true#"
                        + URLEncoder.encode(k, StandardCharsets.UTF_8), o.libelle() + " : " + v));
            });
            resume = liens;
            onglets(anomalies);
        }

        void anomaliesDeLOnglet(List<Probleme.Anomalie> anomalies) {
            Map<String, String> parChamp = formulaire.erreurs(anomalies, contenu);
            List<Lien> liens = new ArrayList<>();
            parChamp.forEach((k, v) -> {
                erreurs.putIfAbsent(k, v);
                liens.add(new Lien((Onglet.de(k) == onglet ? "" : "?onglet=" + Onglet.de(k).code()) + "#" + k,
                        Onglet.de(k).libelle() + " : " + v));
            });
            resume = liens;
            onglets(anomalies);
        }

        void conflit(List<VersionPerimee.Ecriture> ecritures) {
            model.put("conflit", ecritures.stream().map(e -> new Conflit(e.auteur(),
                    HORODATAGE.format(e.le().atZone(ZoneId.of("Europe/Paris"))), String.join(", ", e.champs()))).toList());
        }

        private void onglets(List<Probleme.Anomalie> anomalies) {
            Map<String, String> parChamp = formulaire.erreurs(anomalies, contenu);
            model.put("comptes", parChamp.keySet().stream().map(Onglet::de).toList());
        }

        @SuppressWarnings("unchecked")
        ModelAndView<Map<String, Object>> rendre() {
            List<Onglet> comptes = (List<Onglet>) model.getOrDefault("comptes", List.of());
            model.put("onglets", Arrays.stream(Onglet.values()).map(o -> new EntreeOnglet(o.code(), o.libelle(), o == onglet,
                    comptes.stream().filter(x -> x == o).count())).toList());
            model.put("onglet", onglet.code());
            model.put("libelleOnglet", onglet.libelle());
            model.put("suivant", onglet.suivant() == onglet ? null : onglet.suivant().code());
            model.put("resumeErreurs", resume);
            model.put("c", champs);
            model.put("erreurs", erreurs);
            Map<String, Map<String, String>> listes = new HashMap<>();
            for (String l : List.of("civilite", "nationalite", "situationFamiliale", "lienDemandeur", "sexe", "lienParente",
                    "coParentalite", "typeContratTravail", "modeleLogement", "categorieLogement", "typeLogement", "motifDemande",
                    "categorieLogementRecherche", "etatHandicap", "capaciteMarcheHandicap", "natureHandicapMoteur",
                    "natureHandicapSensoriel", "aideTechniqueHandicap", "equipementHandicap", "statutDalo", "categoriePrioritaire")) {
                listes.put(l, codes.liste(l));
            }
            model.put("listes", listes);
            Map<String, List<String>> choisis = new HashMap<>();
            champs.forEach((k, v) -> {
                String liste = k.replaceFirst("\\[\\d+]$", "");
                if (!liste.equals(k)) {
                    choisis.computeIfAbsent(liste, x -> new ArrayList<>()).add(v);
                }
            });
            model.put("choisis", choisis);
            int cotitulaires = contenu.cotitulairesOuVide().size();
            model.put("rangsCotitulaires", rangs(Math.max(1, cotitulaires)));
            model.put("rangsPersonnes", rangs(contenu.personnesAChargeOuVide().size() + 2));
            model.put("rangsGarde", rangs(contenu.personnesEnGardeOuVide().size() + 1));
            List<String> communes = contenu.logementRecherche() == null || contenu.logementRecherche().communesSouhaitees() == null
                    ? List.of() : contenu.logementRecherche().communesSouhaitees();
            model.put("rangsCommunes", rangs(Math.max(5, communes.size() + 1)));
            Map<String, String> noms = new HashMap<>();
            transactions.withoutScope(() -> {
                communes.stream().filter(x -> x != null && x.length() == 5).forEach(x -> geographie.commune(x).ifPresent(cm -> noms.put(x, cm.nom())));
                return null;
            });
            model.put("communes", noms);
            List<PersonneRevenus> personnes = new ArrayList<>();
            personnes.add(new PersonneRevenus("demandeur", "demandeur", "Demandeur"));
            for (int i = 0; i < cotitulaires; i++) {
                personnes.add(new PersonneRevenus("cotitulaire-" + i, "cotitulaires[" + i + "]", "Cotitulaire " + (i + 1)));
            }
            model.put("personnesRevenus", personnes);
            List<Colonne> recues = new ArrayList<>();
            List<Colonne> versees = new ArrayList<>();
            for (PersonneRevenus p : personnes) {
                recues.add(new Colonne(p.chemin() + ".ressourcesRecues", p.libelle()));
                versees.add(new Colonne(p.chemin() + ".ressourcesVersees", p.libelle()));
            }
            recues.add(new Colonne("demandeur.ressourcesRecuesPersonnesACharge", "Personnes à charge"));
            versees.add(new Colonne("demandeur.ressourcesVerseesPersonnesACharge", "Personnes à charge"));
            model.put("tablesRessources", List.of(
                    new TableRessources("Ressources mensuelles reçues (en euros)", codes.liste("ressourceRecue"), recues),
                    new TableRessources("Ressources mensuelles versées (en euros)", codes.liste("ressourceVersee"), versees)));
            return new ModelAndView<>("pro/demande/formulaire", model);
        }
    }

    private static List<Integer> rangs(int n) {
        return IntStream.range(0, Math.min(n, 30)).boxed().toList();
    }

    private static DemandeJson.Contenu vide() {
        return new DemandeJson.Contenu(null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Map<String, Object> page() {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "pro");
        return model;
    }

    /** Form fields as lists of values (a checkbox group posts its name once per ticked box). */
    private static Map<String, List<String>> valeurs(Map<String, Object> form) {
        Map<String, List<String>> valeurs = new LinkedHashMap<>();
        form.forEach((k, v) -> valeurs.put(k, v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v))));
        return valeurs;
    }

    private static String premier(Map<String, List<String>> valeurs, String champ) {
        List<String> v = valeurs.get(champ);
        return v == null || v.isEmpty() ? null : v.getFirst();
    }
}
