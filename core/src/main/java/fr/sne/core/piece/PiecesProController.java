package fr.sne.core.piece;

import fr.sne.documents.catalogue.CategoriePiece;
import fr.sne.documents.catalogue.IndicePertinence;
import fr.sne.documents.catalogue.TypePiece;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Probleme;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desks' pages of an application's documents: the upload (from the application's panel), one
 * document's page (its description, analysis, versions to open, requalification and complete
 * history), and its deletion after a confirmation. Buttons follow {@link PieceService.Droits}; the
 * service decides again on every action. A requalification based on a stale version comes back
 * with the person's values, the current ones beside them, and nothing saved.
 */
@Controller("/pro/demandes/{numero}/pieces")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class PiecesProController {

    /** Empty rows offered under the existing sub-documents. */
    private static final int LIGNES_VIDES = 3;
    private static final int LIGNES_MAX = 50;
    private static final Pattern LIGNE = Pattern.compile("sousDocuments\\[(\\d+)]\\.(de|a|libelle)");
    private static final Map<String, String> IDS = Map.of("type", "piece-type", "categorie", "piece-categorie",
            "finValidite", "piece-finValidite", "indicePertinence", "piece-pertinence", "commentaire", "piece-commentaire",
            "sousDocuments", "piece-sous-documents");

    /** Metadata worth a desk's eye (creation software and dates, camera), with their labels. */
    private static final Map<String, String> METADONNEES = metadonnees("xmp:CreatorTool", "Logiciel de création",
            "pdf:producer", "Logiciel producteur du PDF", "dc:creator", "Auteur indiqué", "dcterms:created", "Créé le",
            "dcterms:modified", "Modifié le", "tiff:Make", "Appareil (marque)", "tiff:Model", "Appareil (modèle)");

    private static Map<String, String> metadonnees(String... cleLibelle) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < cleLibelle.length; i += 2) {
            m.put(cleLibelle[i], cleLibelle[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** One sub-document row of the form (values as typed). */
    record LigneSousDocument(int index, String de, String a, String libelle) {
    }

    /** A field the stale form and the stored description disagree on. */
    record Ecart(String champ, String libelle, String actuelle) {
    }

    /** Who changed the document meanwhile, and the differences with what the person typed. */
    record Conflit(String qui, String le, List<Ecart> ecarts) {
    }

    private final PieceService service;
    private final FormulairesPieces formulaires;
    private final Clock clock;

    PiecesProController(PieceService service, FormulairesPieces formulaires, Clock clock) {
        this.service = service;
        this.formulaires = formulaires;
        this.clock = clock;
    }

    /** The list lives on the application's page. */
    @Get
    HttpResponse<?> liste(@PathVariable String numero) {
        return HttpResponse.seeOther(URI.create("/pro/demandes/" + numero + "#pieces"));
    }

    @Post
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> deposer(HttpRequest<?> request, @PathVariable String numero, @Body MultipartBody corps) {
        Actor.Professionnel actor = Acces.professionnel(request);
        EnvoiPiece envoi = EnvoiPiece.lire(corps);
        return formulaires.verifier(envoi.champs(), () -> deposer(actor, numero, envoi));
    }

    private HttpResponse<?> deposer(Actor.Professionnel actor, String numero, EnvoiPiece envoi) {
        Map<String, String> erreurs = new LinkedHashMap<>();
        if (!envoi.fichierChoisi()) {
            erreurs.put("depot-fichier", "Choisissez le fichier à déposer.");
        }
        TypePiece type = envoi.type(erreurs, "depot-type");
        LocalDate fin = envoi.finValidite(erreurs, "depot-finValidite");
        if (!erreurs.isEmpty()) {
            return depotRefuse(actor, numero, envoi, new EnvoiPiece.Erreurs(HttpStatus.UNPROCESSABLE_ENTITY, erreurs));
        }
        try (InputStream contenu = envoi.fichier().getInputStream()) {
            PieceService.Depose d = service.deposer(actor, numero, new Depot(contenu, envoi.fichier().getFilename(), type, null, fin));
            return HttpResponse.seeOther(URI.create("/pro/demandes/" + numero + "/pieces/" + d.piece().piece().id()
                    + "?message=" + (d.existante() ? "existante" : "deposee")));
        } catch (IOException e) {
            return depotRefuse(actor, numero, envoi, new EnvoiPiece.Erreurs(HttpStatus.BAD_REQUEST,
                    Map.of("depot-fichier", "Le fichier n’a pas pu être reçu en entier : envoyez-le à nouveau.")));
        } catch (RuntimeException e) {
            return depotRefuse(actor, numero, envoi, envoi.erreurs(e, FormulaireDepotPro.IDS));
        }
    }

    private HttpResponse<?> depotRefuse(Actor actor, String numero, EnvoiPiece envoi, EnvoiPiece.Erreurs e) {
        Map<String, String> valeurs = new HashMap<>();
        valeurs.put("type", Objects.requireNonNullElse(envoi.champ("type"), ""));
        valeurs.put("finValidite", Objects.requireNonNullElse(envoi.champ("finValidite"), ""));
        Map<String, Object> model = page(numero);
        model.put("formulaire", FormulaireDepotPro.modele(numero, valeurs, e.parChamp(), service.tailleMax()));
        model.put("erreurs", e.parChamp());
        return HttpResponse.status(e.statut()).body(new ModelAndView<>("pro/pieces/depot", model));
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> piece(HttpRequest<?> request, @PathVariable String numero, @PathVariable long id,
                                            @Nullable @QueryValue String message) {
        Actor.Professionnel actor = Acces.professionnel(request);
        PieceListee l = service.consulter(actor, numero, id);
        Map<String, Object> model = vue(actor, numero, l, valeurs(l.piece()), lignes(l.piece().sousDocuments()), Map.of(), null);
        model.put("message", switch (message == null ? "" : message) {
            case "deposee" -> "La pièce a été déposée. Son analyse (type, numéro de sécurité sociale, dates) suit dans quelques "
                    + "instants ; vous pouvez déjà la qualifier.";
            case "existante" -> "Ce fichier était déjà déposé sur la demande : il n’a pas été enregistré une seconde fois. "
                    + "Voici la pièce existante.";
            case "requalifiee" -> "La qualification de la pièce a été enregistrée.";
            default -> null;
        });
        return new ModelAndView<>("pro/pieces/piece", model);
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @ProtectionCsrf
    HttpResponse<?> requalifier(HttpRequest<?> request, @PathVariable String numero, @PathVariable long id,
                                @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        int version;
        try {
            version = Integer.parseInt(form.getOrDefault("version", "").strip());
        } catch (NumberFormatException e) {
            throw new Refus(HttpStatus.BAD_REQUEST, "Le formulaire est incomplet : rechargez la page.");
        }
        Map<String, String> erreurs = new LinkedHashMap<>();
        Map<String, String> valeurs = new HashMap<>();
        for (String champ : List.of("type", "categorie", "finValidite", "indicePertinence", "commentaire")) {
            valeurs.put(champ, form.getOrDefault(champ, "").strip());
        }
        TypePiece type = code(TypePiece.class, valeurs.get("type"), "piece-type", "Choisissez un type dans la liste.", erreurs);
        CategoriePiece categorie = type != null ? null : code(CategoriePiece.class, valeurs.get("categorie"), "piece-categorie",
                "Choisissez une catégorie dans la liste.", erreurs);
        LocalDate fin = date(valeurs.get("finValidite"), erreurs);
        IndicePertinence indice = code(IndicePertinence.class, valeurs.get("indicePertinence"), "piece-pertinence",
                "Choisissez un indice de pertinence.", erreurs);
        if (indice == null) {
            erreurs.putIfAbsent("piece-pertinence", "Choisissez un indice de pertinence.");
        }
        List<LigneSousDocument> lignes = lignes(form);
        List<SousDocument> sous = new ArrayList<>();
        List<Integer> rangs = new ArrayList<>(); // index of each sub-document in the form's rows
        for (LigneSousDocument ligne : lignes) {
            if (ligne.de().isEmpty() && ligne.a().isEmpty() && ligne.libelle().isEmpty()) {
                continue;
            }
            Integer de = page(ligne.de(), "piece-sous-" + ligne.index() + "-de", erreurs);
            Integer a = ligne.a().isEmpty() ? de : page(ligne.a(), "piece-sous-" + ligne.index() + "-a", erreurs);
            sous.add(new SousDocument(de == null ? 0 : de, a == null ? 0 : a, ligne.libelle()));
            rangs.add(ligne.index());
        }
        String commentaire = valeurs.get("commentaire").isEmpty() ? null : valeurs.get("commentaire");
        if (!erreurs.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("pro/pieces/piece",
                    vue(actor, numero, service.consulter(actor, numero, id), valeurs, lignes, erreurs, null)));
        }
        Qualification q = new Qualification(type, categorie, fin, indice, commentaire, sous);
        try {
            service.requalifier(actor, numero, id, version, q);
        } catch (PieceModifiee e) {
            PieceListee actuelle = service.consulter(actor, numero, id);
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("pro/pieces/piece",
                    vue(actor, numero, actuelle, valeurs, lignes, Map.of(), conflit(actor, numero, id, q, actuelle.piece()))));
        } catch (PieceInvalide e) {
            for (Probleme.Anomalie a : e.anomalies()) {
                erreurs.putIfAbsent(id(a.champ(), rangs), a.message());
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("pro/pieces/piece",
                    vue(actor, numero, service.consulter(actor, numero, id), valeurs, lignes, erreurs, null)));
        }
        return HttpResponse.seeOther(URI.create("/pro/demandes/" + numero + "/pieces/" + id + "?message=requalifiee"));
    }

    @Get("/{id}/suppression")
    ModelAndView<Map<String, Object>> confirmation(HttpRequest<?> request, @PathVariable String numero, @PathVariable long id) {
        Actor.Professionnel actor = Acces.professionnel(request);
        PieceListee l = service.consulter(actor, numero, id);
        if (!service.droits(actor, numero).supprimer()) {
            throw new Refus(HttpStatus.FORBIDDEN, "Votre profil ne permet pas de supprimer une pièce.");
        }
        if (l.piece().supprimee()) {
            throw new Refus(HttpStatus.CONFLICT, "Cette pièce est déjà supprimée.");
        }
        Map<String, Object> model = page(numero);
        PieceJustificative p = l.piece();
        model.put("piece", Map.of("id", p.id(), "type", VuesPieces.type(p), "nomFichier", p.nomFichier(),
                "deposeLe", VuesPieces.heure(p.deposeLe()), "deposePar", VuesPieces.deposePar(p)));
        return new ModelAndView<>("pro/pieces/suppression", model);
    }

    @Post("/{id}/suppression")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @ProtectionCsrf
    HttpResponse<?> supprimer(HttpRequest<?> request, @PathVariable String numero, @PathVariable long id,
                              @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        service.supprimer(actor, numero, id);
        return HttpResponse.seeOther(URI.create("/pro/demandes/" + numero + "?piece=supprimee#pieces"));
    }

    // ---------------------------------------------------------------- the document's page

    private Map<String, Object> vue(Actor actor, String numero, PieceListee l, Map<String, String> valeurs,
                                    List<LigneSousDocument> lignes, Map<String, String> erreurs, Conflit conflit) {
        PieceJustificative p = l.piece();
        PieceService.Droits droits = service.droits(actor, numero);
        List<HistoriquePieces.Ligne> historique = service.historique(actor, numero, p.id()).stream()
                .map(HistoriquePieces::ligne).toList().reversed();
        Map<String, Object> model = page(numero);
        model.put("p", p);
        model.put("type", VuesPieces.type(p));
        model.put("categorie", VuesPieces.categorie(p));
        model.put("finValidite", VuesPieces.jour(p.finValidite()));
        model.put("expiree", p.perimee(LocalDate.now(clock.withZone(VuesPieces.PARIS))));
        model.put("deposeLe", VuesPieces.heure(p.deposeLe()));
        model.put("supprimeeLe", VuesPieces.heure(p.supprimeLe()));
        model.put("taille", VuesPieces.taille(p.taille()));
        model.put("pertinence", p.indicePertinence() == null ? null : p.indicePertinence().libelle());
        model.put("pertinenceBadge", p.indicePertinence() == null ? null : VuesPieces.pertinenceBadge(p.indicePertinence()));
        model.put("analyseBadge", VuesPieces.analyseBadge(p.analyse()));
        model.put("liens", liens(numero, l, droits));
        model.put("refus", l.refus());
        model.put("analyse", analyse(p));
        model.put("metadonnees", metadonnees(p));
        model.put("pages", VuesPieces.pages(p.pages()));
        model.put("deposePar", VuesPieces.deposePar(p));
        model.put("historique", historique);
        boolean qualifier = droits.qualifier() && !p.supprimee();
        model.put("peutQualifier", qualifier);
        model.put("peutSupprimer", droits.supprimer() && !p.supprimee());
        if (qualifier) {
            List<LigneSousDocument> rangees = new ArrayList<>(lignes);
            int suivant = rangees.stream().mapToInt(LigneSousDocument::index).max().orElse(-1) + 1;
            long vides = rangees.stream().filter(r -> r.de().isEmpty() && r.a().isEmpty() && r.libelle().isEmpty()).count();
            for (int i = 0; i < LIGNES_VIDES - vides && rangees.size() < LIGNES_MAX; i++) {
                rangees.add(new LigneSousDocument(suivant + i, "", "", ""));
            }
            model.put("valeurs", valeurs);
            model.put("sousDocuments", rangees);
            model.put("groupes", VuesPieces.typesParCategorie());
            model.put("categories", VuesPieces.categories());
            model.put("pertinences", VuesPieces.pertinences());
            model.put("version", p.version());
        }
        model.put("erreurs", erreurs);
        model.put("conflit", conflit);
        Map<String, String> actuelles = new HashMap<>();
        if (conflit != null) {
            conflit.ecarts().forEach(e -> actuelles.put(e.champ(), e.actuelle()));
        }
        model.put("actuelles", actuelles);
        return model;
    }

    /** The versions this reader may open: the default one, then the masked and preview versions when they exist. */
    private static List<VuesPieces.Lien> liens(String numero, PieceListee l, PieceService.Droits d) {
        PieceJustificative p = l.piece();
        List<VuesPieces.Lien> liens = new ArrayList<>();
        if (l.ouverture() == null) {
            return liens;
        }
        liens.add(VuesPieces.lien("/pro/demandes", numero, p.id(), l.ouverture(), true));
        boolean ouvrir = p.sensible() ? d.ouvrirSensible() : d.ouvrir();
        if (ouvrir && p.versionMasquee() && l.ouverture() != VersionPiece.MASQUEE) {
            liens.add(VuesPieces.lien("/pro/demandes", numero, p.id(), VersionPiece.MASQUEE, false));
        }
        if (ouvrir && p.apercu() && l.ouverture() != VersionPiece.APERCU) {
            liens.add(VuesPieces.lien("/pro/demandes", numero, p.id(), VersionPiece.APERCU, false));
        }
        return liens;
    }

    /** What the analysis found, as labelled values (empty until it has spoken). */
    private static List<Map<String, String>> analyse(PieceJustificative p) {
        List<Map<String, String>> a = new ArrayList<>();
        if (p.analyse() != StatutAnalyse.TERMINEE) {
            return a;
        }
        ajouter(a, "Type reconnu", p.typeSuggere() == null ? "aucun type reconnu" : p.typeSuggere().libelle());
        ajouter(a, "Pages", p.pages() == null ? null : p.pages().toString());
        ajouter(a, "Langue", VuesPieces.langue(p.langue()));
        ajouter(a, "Année des revenus", p.anneeRevenus() == null ? null : p.anneeRevenus().toString());
        ajouter(a, "Revenu fiscal de référence", p.revenuFiscalReference() == null ? null : VuesPieces.euros(p.revenuFiscalReference()));
        ajouter(a, "Numéro de sécurité sociale", Boolean.TRUE.equals(p.nirDetecte())
                ? p.versionMasquee() ? "détecté et masqué dans la version masquée" : "détecté (version masquée indisponible)"
                : "aucun détecté");
        // what a desk checks for fraud first; every metadata is listed apart
        METADONNEES.forEach((cle, libelle) -> ajouter(a, libelle, p.metadonnees().get(cle)));
        return a;
    }

    private static List<Map<String, String>> metadonnees(PieceJustificative p) {
        List<Map<String, String>> m = new ArrayList<>();
        p.metadonnees().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> ajouter(m, e.getKey(), e.getValue()));
        return m;
    }

    private static void ajouter(List<Map<String, String>> a, String libelle, String valeur) {
        if (valeur != null && !valeur.isBlank()) {
            a.add(Map.of("libelle", libelle, "valeur", valeur));
        }
    }

    private Conflit conflit(Actor actor, String numero, long id, Qualification saisie, PieceJustificative actuelle) {
        List<Ecart> ecarts = new ArrayList<>();
        Qualification q = Qualification.de(actuelle);
        ecart(ecarts, "piece-type", "Type", saisie.type(), q.type(), t -> ((TypePiece) t).libelle());
        if (saisie.type() == null) {
            ecart(ecarts, "piece-categorie", "Catégorie", saisie.categorie(), q.categorie(), c -> ((CategoriePiece) c).libelle());
        }
        ecart(ecarts, "piece-finValidite", "Fin de validité", saisie.finValidite(), q.finValidite(),
                d -> VuesPieces.jour((LocalDate) d));
        ecart(ecarts, "piece-pertinence", "Indice de pertinence", saisie.indicePertinence(), q.indicePertinence(),
                i -> ((IndicePertinence) i).libelle());
        ecart(ecarts, "piece-commentaire", "Commentaire", saisie.commentaire(), q.commentaire(), Object::toString);
        if (!saisie.sousDocuments().equals(q.sousDocuments())) {
            ecarts.add(new Ecart("piece-sous-documents", "Sous-documents", q.sousDocuments().isEmpty() ? "(aucun)"
                    : String.join(" ; ", q.sousDocuments().stream().map(s -> "pages " + s.de() + "–" + s.a() + " = " + s.libelle())
                    .toList())));
        }
        ActionHistorique derniere = service.historique(actor, numero, id).stream()
                .filter(a -> a.nature() == NatureAction.REQUALIFIEE || a.nature() == NatureAction.ANALYSEE
                        || a.nature() == NatureAction.SUPPRIMEE)
                .reduce((x, y) -> y).orElse(null);
        return new Conflit(derniere == null ? null : derniere.qui(), derniere == null ? null : VuesPieces.heure(derniere.horodatage()),
                ecarts);
    }

    private static void ecart(List<Ecart> ecarts, String champ, String libelle, Object saisi, Object actuel,
                              java.util.function.Function<Object, String> texte) {
        if (!Objects.equals(saisi, actuel)) {
            ecarts.add(new Ecart(champ, libelle, actuel == null ? "(vide)" : texte.apply(actuel)));
        }
    }

    // ---------------------------------------------------------------- form values

    private static Map<String, String> valeurs(PieceJustificative p) {
        Map<String, String> v = new HashMap<>();
        v.put("type", p.type() == null ? "" : p.type().name());
        v.put("categorie", p.categorie() == null ? "" : p.categorie().name());
        v.put("finValidite", p.finValidite() == null ? "" : p.finValidite().toString());
        v.put("indicePertinence", (p.indicePertinence() == null ? IndicePertinence.NON_VERIFIE : p.indicePertinence()).name());
        v.put("commentaire", p.commentaire() == null ? "" : p.commentaire());
        return v;
    }

    private static List<LigneSousDocument> lignes(List<SousDocument> sous) {
        List<LigneSousDocument> l = new ArrayList<>();
        for (int i = 0; i < sous.size(); i++) {
            SousDocument s = sous.get(i);
            l.add(new LigneSousDocument(i, Integer.toString(s.de()), Integer.toString(s.a()), s.libelle()));
        }
        return l;
    }

    /** The sub-document rows posted, in order of their index (at most {@value #LIGNES_MAX}). */
    private static List<LigneSousDocument> lignes(Map<String, String> form) {
        Map<Integer, String[]> rangs = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : form.entrySet()) {
            Matcher m = LIGNE.matcher(e.getKey());
            if (m.matches() && m.group(1).length() <= 3) {
                String[] r = rangs.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new String[] {"", "", ""});
                int colonne = switch (m.group(2)) {
                    case "de" -> 0;
                    case "a" -> 1;
                    default -> 2;
                };
                r[colonne] = e.getValue() == null ? "" : e.getValue().strip();
            }
        }
        return rangs.entrySet().stream().limit(LIGNES_MAX)
                .map(e -> new LigneSousDocument(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }

    /** The form control of a service anomaly; sub-documents named by their row in the form. */
    private static String id(String champ, List<Integer> rangs) {
        Matcher m = Pattern.compile("sousDocuments\\[(\\d+)](\\.libelle)?").matcher(champ == null ? "" : champ);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            int rang = i < rangs.size() ? rangs.get(i) : 0;
            return "piece-sous-" + rang + (m.group(2) == null ? "-de" : "-libelle");
        }
        return IDS.getOrDefault(champ, "piece-type");
    }

    private static <E extends Enum<E>> E code(Class<E> type, String code, String id, String message, Map<String, String> erreurs) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException e) {
            erreurs.putIfAbsent(id, message);
            return null;
        }
    }

    private static LocalDate date(String texte, Map<String, String> erreurs) {
        if (texte == null || texte.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(texte);
        } catch (DateTimeParseException e) {
            erreurs.putIfAbsent("piece-finValidite", "Saisissez une date valide (jj/mm/aaaa).");
            return null;
        }
    }

    private static Integer page(String texte, String id, Map<String, String> erreurs) {
        try {
            int n = Integer.parseInt(texte);
            if (n >= 1 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        erreurs.putIfAbsent(id, "Indiquez un numéro de page (nombre entier, 1 au moins).");
        return null;
    }

    private static Map<String, Object> page(String numero) {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "pro");
        model.put("numero", numero);
        return model;
    }
}
