package fr.sne.community.assistance.equipe;

import fr.sne.community.assistance.AssistancePolicy;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Teams (national administrators create them and manage members, in a national writable scope)
 * and each user's default team (pre-ticked on their new tickets).
 */
@Singleton
public class Equipes {

    static final String OBJET = "equipe_assistance";

    private final TenantTransactions transactions;
    private final EquipeRepository repository;
    private final AuditTrail audit;

    Equipes(TenantTransactions transactions, EquipeRepository repository, AuditTrail audit) {
        this.transactions = transactions;
        this.repository = repository;
        this.audit = audit;
    }

    public List<Equipe> toutes() {
        return transactions.inScope(Scope.nationalReadOnly(), repository::toutes);
    }

    public List<Equipe> de(long utilisateurId) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> repository.de(utilisateurId));
    }

    public Equipe equipe(Actor actor, long id) {
        exigerAdministrateur(actor);
        return transactions.inScope(Scope.nationalReadOnly(), () -> repository.parId(id))
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Équipe introuvable"));
    }

    public List<Membre> membres(Actor actor, long id) {
        exigerAdministrateur(actor);
        return transactions.inScope(Scope.nationalReadOnly(), () -> repository.membres(id));
    }

    public long creer(Actor actor, String nom, String description) {
        exigerAdministrateur(actor);
        String n = Formulaire.texte(nom);
        String d = Formulaire.texte(description);
        Formulaire erreurs = new Formulaire();
        if (n == null) {
            erreurs.erreur("nom", "Donnez un nom à l’équipe.");
        } else if (n.length() > 120) {
            erreurs.erreur("nom", "Le nom ne doit pas dépasser 120 caractères.");
        } else if (transactions.inScope(Scope.nationalReadOnly(), () -> repository.nomPris(n))) {
            erreurs.erreur("nom", "Une équipe porte déjà ce nom.");
        }
        if (d != null && d.length() > 1000) {
            erreurs.erreur("description", "La description ne doit pas dépasser 1 000 caractères.");
        }
        erreurs.verifier();
        long auteur = ((Actor.Professionnel) actor).utilisateurId();
        return transactions.inScope(Scope.nationalEcriture(), () -> {
            long id = repository.creer(n, d == null ? "" : d, auteur);
            audit.changement(actor, TypeAction.CREATION, null, OBJET, Long.toString(id), null, Map.of("nom", n));
            return id;
        });
    }

    public void ajouterMembre(Actor actor, long equipeId, String courriel) {
        equipe(actor, equipeId);
        String adresse = Formulaire.texte(courriel);
        Long utilisateur = adresse == null ? null : transactions.inScope(Scope.nationalReadOnly(), () -> repository.utilisateurParCourriel(adresse))
                .orElse(null);
        if (utilisateur == null) {
            throw new Formulaire.Invalide(new Formulaire().erreur("courriel", "Aucun professionnel n’a cette adresse électronique sur SNE."));
        }
        transactions.inScope(Scope.nationalEcriture(), () -> {
            if (repository.ajouterMembre(equipeId, utilisateur)) {
                audit.changement(actor, TypeAction.MODIFICATION, null, OBJET, Long.toString(equipeId), null, Map.of("membre", utilisateur));
            }
            return null;
        });
    }

    public void retirerMembre(Actor actor, long equipeId, long utilisateurId) {
        equipe(actor, equipeId);
        transactions.inScope(Scope.nationalEcriture(), () -> {
            if (repository.retirerMembre(equipeId, utilisateurId)) {
                audit.changement(actor, TypeAction.MODIFICATION, null, OBJET, Long.toString(equipeId), Map.of("membre", utilisateurId), null);
            }
            return null;
        });
    }

    public Long equipeParDefaut(long utilisateurId) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> repository.equipeParDefaut(utilisateurId)).orElse(null);
    }

    /** The user chooses one of their teams (or none) as default. */
    public void choisirEquipeParDefaut(Actor actor, Long equipeId) {
        if (!(actor instanceof Actor.Professionnel p)) {
            throw new Refus(HttpStatus.FORBIDDEN, "Réservé aux professionnels.");
        }
        if (equipeId != null && de(p.utilisateurId()).stream().noneMatch(e -> e.id() == equipeId)) {
            throw new Formulaire.Invalide(new Formulaire().erreur("equipe", "Choisissez une de vos équipes."));
        }
        // a preference is the user's own row (no territory, no RLS): written without scope
        transactions.withoutScope(() -> {
            repository.choisirEquipeParDefaut(p.utilisateurId(), equipeId);
            return null;
        });
    }

    public static void exigerAdministrateur(Actor actor) {
        if (!AssistancePolicy.administrer(actor).autorisee()) {
            throw new Refus(HttpStatus.FORBIDDEN, "La gestion des équipes est réservée aux administrateurs nationaux.");
        }
    }
}
