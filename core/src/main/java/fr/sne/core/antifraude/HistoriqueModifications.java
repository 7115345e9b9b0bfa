package fr.sne.core.antifraude;

import fr.sne.core.demande.Chemins;
import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandeService;
import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.core.journal.TypeEvenement;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The applicant's "historique des modifications": every change to their application — what (in
 * their words), when, and which desk (never the agent's name) — from the application's versions
 * (what changed between two versions), its system events that change no content (renewal,
 * radiation…), and the changes of names a desk asked for that are pending or were refused.
 */
@Singleton
class HistoriqueModifications {

    /** Events already told by the versions themselves, and notices (no change: they have their own panel). */
    private static final Set<String> DEJA_DANS_LES_VERSIONS = Set.of(CatalogueEvenements.CREATION,
            CatalogueEvenements.VALIDATION, CatalogueEvenements.MISE_A_JOUR, CatalogueEvenements.AVIS_RENOUVELLEMENT);

    private final TenantTransactions transactions;
    private final HistoriqueRepository historique;
    private final ChangementNomRepository changements;
    private final CatalogueEvenements catalogue;
    private final JsonMapper json;

    HistoriqueModifications(TenantTransactions transactions, HistoriqueRepository historique, ChangementNomRepository changements,
                            CatalogueEvenements catalogue, JsonMapper json) {
        this.transactions = transactions;
        this.historique = historique;
        this.changements = changements;
        this.catalogue = catalogue;
        this.json = json;
    }

    /**
     * One entry of the history.
     *
     * @param quoi    what happened
     * @param details the parts changed, in the applicant's words
     * @param qui     who, as the applicant may read it: a desk, themselves, the territorial manager
     */
    record Entree(Instant quand, String le, String quoi, List<String> details, String qui, String note) {
    }

    /** The history of the applicant's own application, most recent first. */
    List<Entree> pour(Actor.Particulier demandeur, DemandeJson.Demande demande) {
        record Lu(List<HistoriqueRepository.Version> versions, List<HistoriqueRepository.Evenement> evenements,
                  List<ChangementNom> noms) {
        }
        // the applicant's account scope: PostgreSQL opens their own application's rows only
        Lu lu = transactions.inScope(Scope.lecture(Scope.compte(demandeur.compteId())), () -> new Lu(
                historique.versions(demande.territoire(), demande.numeroUnique()),
                historique.evenementsSysteme(demande.territoire(), demande.numeroUnique()),
                changements.deLaDemande(demande.territoire(), demande.numeroUnique())));
        List<Entree> entrees = new ArrayList<>();
        Map<String, String> precedent = null;
        for (HistoriqueRepository.Version v : lu.versions()) {
            Map<String, String> valeurs = aplatir(v.document());
            if (precedent == null) {
                // an application filed online is registered by the desk that checked the applicant's identity
                String quoi = DemandeService.GUICHET_PORTAIL.equals(demande.guichetEnregistreur())
                        ? "Enregistrement de votre demande déposée en ligne" : "Enregistrement de votre demande";
                entrees.add(entree(v.ecriteLe(), quoi, List.of(), qui(v.auteur(), v.guichet(), v.guichetNom()), null));
            } else {
                List<String> champs = differents(precedent, valeurs);
                if (!champs.isEmpty()) {
                    entrees.add(entree(v.ecriteLe(), "Mise à jour de votre demande", LibellesChamps.libelles(champs),
                            qui(v.auteur(), v.guichet(), v.guichetNom()), noteDeValidation(lu.noms(), v.version())));
                }
            }
            precedent = valeurs;
        }
        for (HistoriqueRepository.Evenement e : lu.evenements()) {
            if (DEJA_DANS_LES_VERSIONS.contains(e.code())) {
                continue;
            }
            catalogue.type(e.code()).filter(TypeEvenement::visibleDemandeur).ifPresent(t ->
                    entrees.add(entree(e.creeLe(), t.libelle(), List.of(), e.guichet() == null ? "Le service"
                            : guichet(e.guichet(), e.guichetNom()), null)));
        }
        for (ChangementNom c : lu.noms()) {
            String quoi = switch (c.statut()) {
                case EN_ATTENTE -> "Changement de nom demandé, en attente de validation : vos nom et prénoms n’ont pas encore changé";
                case REFUSE -> "Changement de nom demandé puis refusé : vos nom et prénoms n’ont pas changé";
                default -> null;
            };
            if (quoi != null) {
                entrees.add(entree(c.demandeLe(), quoi, libellesNoms(c), c.guichet() == null ? "Le gestionnaire territorial"
                        : guichet(c.guichet(), c.guichetNom()), null));
            }
        }
        entrees.sort(Comparator.comparing(Entree::quand).reversed());
        return entrees;
    }

    private static Entree entree(Instant quand, String quoi, List<String> details, String qui, String note) {
        return new Entree(quand, LigneChangement.horodatage(quand), quoi, details, qui, note);
    }

    /**
     * Who wrote a version, for the applicant: the desk (from the version's desk column, never
     * from the author's label, which names the agent), themselves, the system, or the territorial
     * manager (a professional acting for no desk).
     */
    static String qui(String auteur, String guichet, String guichetNom) {
        if (auteur.startsWith("demandeur:")) {
            return "Vous-même, en ligne";
        }
        if (auteur.startsWith("systeme:")) {
            return "Le service (traitement automatique)";
        }
        if (guichet != null) {
            return guichet(guichet, guichetNom);
        }
        return auteur.startsWith("client:") ? "Un guichet enregistreur" : "Le gestionnaire territorial";
    }

    private static String guichet(String code, String nom) {
        return "Guichet " + (nom == null ? code : nom);
    }

    /** On the version a validated change of name wrote: who asked and who validated. */
    private static String noteDeValidation(List<ChangementNom> noms, int version) {
        return noms.stream().filter(c -> c.statut() == ChangementNom.Statut.VALIDE && Objects.equals(c.versionAppliquee(), version))
                .findFirst().map(c -> "Changement de nom demandé par " + (c.guichet() == null ? "le gestionnaire territorial"
                        : "le guichet " + (c.guichetNom() == null ? c.guichet() : c.guichetNom())) + " et validé par "
                        + (c.decideParGuichet() == null ? "le gestionnaire territorial" : "un responsable du guichet") + ".")
                .orElse(null);
    }

    private static List<String> libellesNoms(ChangementNom c) {
        List<String> chemins = new ArrayList<>();
        if (!Objects.equals(c.nomAvant(), c.nomApres())) {
            chemins.add(c.personne() + ".nomNaissance");
        }
        if (!Objects.equals(c.prenomsAvant(), c.prenomsApres())) {
            chemins.add(c.personne() + ".prenoms");
        }
        return LibellesChamps.libelles(chemins);
    }

    private static List<String> differents(Map<String, String> a, Map<String, String> b) {
        Set<String> chemins = new LinkedHashSet<>(a.keySet());
        chemins.addAll(b.keySet());
        return chemins.stream().filter(c -> !Objects.equals(a.get(c), b.get(c))).toList();
    }

    private Map<String, String> aplatir(String document) {
        try {
            return Chemins.aplatir(json.readValue(document, io.micronaut.json.tree.JsonNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
