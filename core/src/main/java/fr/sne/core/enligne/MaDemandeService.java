package fr.sne.core.enligne;

import fr.sne.core.attestation.AttestationService;
import fr.sne.core.attestation.TypeAttestation;
import fr.sne.core.demande.DemandeInvalide;
import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandeService;
import fr.sne.core.demande.ModificationParLeDemandeur;
import fr.sne.core.demande.VersionPerimee;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The applicant's registered applications on the portal: their page (content, state, dates),
 * their attestations, and their update step by step with the online filing's forms. Reading and
 * writing go through {@link DemandeService}, which decides (the applicant's own application only)
 * and keeps the update rule ({@link ModificationParLeDemandeur}) and the optimistic locking.
 */
@Singleton
public class MaDemandeService {

    private static final DateTimeFormatter HORODATAGE = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");

    /** The steps an applicant updates (the summary and sending belong to online filing). */
    static final List<Etape> ETAPES = List.of(Etape.IDENTITE, Etape.FAMILLE, Etape.RESSOURCES, Etape.LOGEMENT,
            Etape.RECHERCHE, Etape.HANDICAP);

    /** The application's page: the application and its content as a person reads it. */
    record Fiche(DemandeJson.Demande demande, List<Recapitulatif.Section> sections) {
    }

    /** Who changed what since the form was read: a person's words. */
    record Conflit(String auteur, String le, String champs) {
    }

    /**
     * A step's update form: the values (the applicant's own after a refused save), the version it
     * was read at, errors by field, locked fields, and what others changed meanwhile (stale save).
     */
    record PageMaj(DemandeJson.Demande demande, Etape etape, int version, Map<String, String> valeurs,
                   Map<String, Integer> lignes, Map<String, Integer> nombres, Map<String, String> erreurs,
                   Set<String> verrous, List<Conflit> conflit) {
    }

    /** A save: {@code enregistree}, or the page to show again (errors or conflict). */
    record Enregistrement(PageMaj page, boolean enregistree) {
    }

    private final DemandeService demandes;
    private final AttestationService attestations;
    private final FormulaireDemande formulaire;
    private final Recapitulatif recapitulatif;
    private final DemandeEnLignePolicy policy;
    private final TenantTransactions transactions;

    MaDemandeService(DemandeService demandes, AttestationService attestations, FormulaireDemande formulaire,
                     Recapitulatif recapitulatif, DemandeEnLignePolicy policy, TenantTransactions transactions) {
        this.transactions = transactions;
        this.demandes = demandes;
        this.attestations = attestations;
        this.formulaire = formulaire;
        this.recapitulatif = recapitulatif;
        this.policy = policy;
    }

    /** One of the applicant's registered applications (audited read); anybody else's: 404. */
    public Fiche fiche(Actor actor, String numero) {
        DemandeJson.Demande d = demandes.consulter(demandeur(actor), numero);
        return new Fiche(d, transactions.withoutScope(() -> recapitulatif.sections(d.contenu())));
    }

    /** The attestation of one of the applicant's own applications; anybody else's: 404. */
    public byte[] attestation(Actor actor, String numero, TypeAttestation type) {
        Actor.Particulier p = demandeur(actor);
        return attestations.pourDemandeur(p, demandes.consulter(p, numero), type);
    }

    /** The update form of a step, as the application is now. */
    public PageMaj page(Actor actor, String numero, Etape etape) {
        DemandeJson.Demande d = modifiable(demandes.consulter(demandeur(actor), numero));
        return page(d, etape, d.version(), d.contenu(), Map.of(), Map.of(), List.of());
    }

    /**
     * Saves a step into the application if it is still at {@code version} (the form's). Nothing
     * is written on a field error, a forbidden change (civil status, NIR, removed co-holder) or a
     * stale version: the page comes back with the applicant's values, the errors next to their
     * fields, or who changed what meanwhile (and the current version, so saving again applies them).
     */
    public Enregistrement enregistrer(Actor actor, String numero, Etape etape, Map<String, String> form, int version) {
        Actor.Particulier p = demandeur(actor);
        DemandeJson.Demande actuelle = modifiable(demandes.consulter(p, numero));
        // the form reads communes in the reference data (no tenant table)
        FormulaireDemande.Lecture lecture = transactions.withoutScope(() -> formulaire.lire(etape, actuelle.contenu(), form));
        DemandeJson.Contenu apres = lecture.contenu();
        if (!lecture.erreurs().isEmpty()) {
            Map<String, String> erreurs = new LinkedHashMap<>(lecture.erreurs());
            ModificationParLeDemandeur.interdites(actuelle.contenu(), apres).forEach(a -> erreurs.putIfAbsent(a.champ(), a.message()));
            return new Enregistrement(page(actuelle, etape, version, apres, erreurs, lecture.saisies(), List.of()), false);
        }
        try {
            DemandeJson.Demande enregistree = demandes.modifier(p, numero, version, DemandeJson.Creation.de(apres));
            return new Enregistrement(page(enregistree, etape, enregistree.version(), enregistree.contenu(), Map.of(), Map.of(),
                    List.of()), true);
        } catch (DemandeInvalide e) {
            Map<String, String> erreurs = new LinkedHashMap<>();
            e.anomalies().forEach(a -> erreurs.putIfAbsent(a.champ(), a.message()));
            return new Enregistrement(page(actuelle, etape, version, apres, erreurs, lecture.saisies(), List.of()), false);
        } catch (VersionPerimee e) {
            // the form shows the application as it is now, with the applicant's own edits on top:
            // saving again applies those without undoing what the desk changed meanwhile
            DemandeJson.Demande maintenant = demandes.consulter(p, numero);
            PageMaj page = page(maintenant, etape, e.versionActuelle(), maintenant.contenu(), Map.of(), Map.of(), conflit(e.ecritures()));
            Map<String, String> valeurs = new HashMap<>(page.valeurs());
            Map<String, String> lues = e.contenuLu().map(lu -> transactions.withoutScope(() -> formulaire.vue(etape, lu).valeurs()))
                    .orElse(Map.of());
            java.util.Set<String> noms = new java.util.HashSet<>(lues.keySet());
            noms.addAll(form.keySet());
            noms.removeAll(TECHNIQUES);
            for (String nom : noms) {
                String saisi = vide(form.get(nom));
                if (e.contenuLu().isEmpty() || !java.util.Objects.equals(saisi, vide(lues.get(nom)))) {
                    if (saisi == null) {
                        valeurs.remove(nom);
                    } else {
                        valeurs.put(nom, saisi);
                    }
                }
            }
            return new Enregistrement(new PageMaj(page.demande(), etape, page.version(), valeurs, page.lignes(), page.nombres(),
                    page.erreurs(), page.verrous(), page.conflit()), false);
        }
    }

    /** Form fields that are not the application's. */
    private static final Set<String> TECHNIQUES = Set.of("csrfToken", "version", "action");

    private static String vide(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private PageMaj page(DemandeJson.Demande d, Etape etape, int version, DemandeJson.Contenu contenu,
                         Map<String, String> erreurs, Map<String, String> saisies, List<Conflit> conflit) {
        if (!ETAPES.contains(etape)) {
            throw new Refus(HttpStatus.NOT_FOUND, "Page introuvable");
        }
        FormulaireDemande.Vue vue = transactions.withoutScope(() -> formulaire.vue(etape, contenu));
        Map<String, String> valeurs = new HashMap<>(vue.valeurs());
        valeurs.putAll(saisies);
        // locked as the application stands: what the applicant filled in once stays theirs to see, not to change
        return new PageMaj(d, etape, version, valeurs, vue.lignes(), vue.nombres(), erreurs,
                ModificationParLeDemandeur.champsVerrouilles(d.contenu()), conflit);
    }

    private static List<Conflit> conflit(List<VersionPerimee.Ecriture> ecritures) {
        return ecritures.stream().map(e -> new Conflit(auteurPourLeDemandeur(e.auteur()), HORODATAGE.format(e.le().atZone(ZoneId.of("Europe/Paris"))),
                e.champs().stream().map(MaDemandeService::libelle).distinct().collect(Collectors.joining(", ")))).toList();
    }

    /**
     * Who wrote, as an applicant may read it: the desk ("Julie Martin (ACTIS)" → "le guichet ACTIS"),
     * never the agent's name.
     */
    static String auteurPourLeDemandeur(String auteur) {
        if ("Le demandeur".equals(auteur)) {
            return "Vous-même";
        }
        java.util.regex.Matcher guichet = java.util.regex.Pattern.compile("\\(([^()]+)\\)$").matcher(auteur);
        return guichet.find() ? "Le guichet " + guichet.group(1) : "Un guichet enregistreur";
    }

    /** A changed field (JSON path) as the form labels it, else its path. */
    static String libelle(String chemin) {
        String generique = chemin.replaceAll("\\[\\d+]", "[]");
        return Champ.PAR_ETAPE.values().stream().flatMap(List::stream)
                .filter(c -> generique.equals(c.chemin()) || generique.startsWith(c.chemin() + "."))
                .map(Champ::libelle).findFirst().orElse(chemin);
    }

    private static DemandeJson.Demande modifiable(DemandeJson.Demande d) {
        if (!"ACTIVE".equals(d.etat())) {
            throw new Refus(HttpStatus.CONFLICT, "Votre demande n° " + d.numeroUnique() + " est radiée : elle ne peut plus être mise à jour.");
        }
        return d;
    }

    private Actor.Particulier demandeur(Actor actor) {
        if (!policy.decider(actor, ActionEnLigne.DEPOSER, null).autorisee() || !(actor instanceof Actor.Particulier p)) {
            throw new Refus(HttpStatus.FORBIDDEN, "Cet espace est réservé aux demandeurs, connectés avec leur identité de particulier.");
        }
        return p;
    }
}
