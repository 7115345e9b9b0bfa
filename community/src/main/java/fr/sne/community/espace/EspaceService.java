package fr.sne.community.espace;

import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Profil;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Formulaire;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creating spaces and managing their members and roles; every change audited and logged. */
@Singleton
public class EspaceService {

    private static final String OBJET = "espace";

    private final TenantTransactions transactions;
    private final EspaceRepository repository;
    private final Espaces espaces;
    private final AuditTrail audit;
    private final JournalModeration journal;
    private final Sql sql;

    EspaceService(TenantTransactions transactions, EspaceRepository repository, Espaces espaces, AuditTrail audit,
                  JournalModeration journal, Sql sql) {
        this.transactions = transactions;
        this.repository = repository;
        this.espaces = espaces;
        this.audit = audit;
        this.journal = journal;
        this.sql = sql;
    }

    /** What a space creation form holds. */
    public record SaisieEspace(String slug, String nom, String description, String visibilite, String territoire, String profil) {
        public static SaisieEspace vide() {
            return new SaisieEspace("", "", "", "PROFESSIONNELS", "", "");
        }
    }

    /** National administrators create spaces; the creator becomes its owner. */
    public Espace creer(Actor actor, SaisieEspace s) {
        if (!EspacePolicy.administrateur(actor)) {
            Acces.exiger(actor instanceof Actor.Professionnel ? Decision.REFUSEE : Decision.INTROUVABLE);
        }
        Actor.Professionnel p = (Actor.Professionnel) actor;
        Formulaire erreurs = new Formulaire();
        String slug = Formulaire.texte(s.slug());
        String nom = Formulaire.texte(s.nom());
        String description = s.description() == null ? "" : s.description().strip();
        if (slug == null || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 80) {
            erreurs.erreur("slug", "Saisissez une adresse en minuscules, chiffres et tirets (ex. gt-occitanie).");
        } else if (slug.equals("nouveau") || transactions.inScope(Scope.nationalReadOnly(), () -> repository.parSlug(slug)).isPresent()) {
            erreurs.erreur("slug", "Cette adresse est déjà prise : choisissez-en une autre.");
        }
        if (nom == null || nom.length() > 120) {
            erreurs.erreur("nom", "Saisissez le nom de l’espace (120 caractères au plus).");
        }
        if (description.length() > 2000) {
            erreurs.erreur("description", "La description ne doit pas dépasser 2 000 caractères.");
        }
        Visibilite visibilite = null;
        try {
            visibilite = Visibilite.valueOf(s.visibilite());
        } catch (RuntimeException e) {
            erreurs.erreur("visibilite", "Choisissez qui voit l’espace.");
        }
        String territoire = Formulaire.texte(s.territoire());
        Profil profil = null;
        if (visibilite == Visibilite.TERRITOIRE && (territoire == null || !territoire.matches("[0-9AB]{3}")
                || transactions.inScope(Scope.nationalReadOnly(), () -> sql.un("SELECT 1 FROM territoire WHERE code = ?", rs -> 1, territoire)).isEmpty())) {
            erreurs.erreur("territoire", "Saisissez le code d’un territoire existant (ex. 038).");
        }
        if (visibilite == Visibilite.PROFIL) {
            try {
                profil = Profil.valueOf(s.profil());
            } catch (RuntimeException e) {
                erreurs.erreur("profil", "Choisissez le profil des professionnels admis.");
            }
        }
        if (!erreurs.valide()) {
            throw new Formulaire.Invalide(erreurs);
        }
        String t = visibilite == Visibilite.TERRITOIRE ? territoire : null;
        Profil pr = visibilite == Visibilite.PROFIL ? profil : null;
        Visibilite v = visibilite;
        Scope scope = Scope.ecriture(t);
        long id = transactions.inScope(scope, () -> {
            long nouveau = repository.creer(t, slug, nom, description, v, pr, p.utilisateurId());
            repository.definirRole(nouveau, p.utilisateurId(), RoleEspace.PROPRIETAIRE, p.utilisateurId());
            Map<String, Object> apres = new HashMap<>();
            apres.put("slug", slug);
            apres.put("nom", nom);
            apres.put("visibilite", v.name());
            apres.put("territoire", t);
            apres.put("profil", pr == null ? null : pr.name());
            audit.changement(actor, TypeAction.CREATION, t, OBJET, Long.toString(nouveau), null, apres);
            journal.noter(nouveau, p.utilisateurId(), "Espace créé", nom, v.libelle());
            return nouveau;
        });
        return transactions.inScope(Scope.nationalReadOnly(), () -> repository.parId(id)).orElseThrow();
    }

    public List<EspaceRepository.Membre> membres(Espace espace) {
        return transactions.inScope(Scope.lecture(Espaces.scope(espace)), () -> repository.membres(espace.id()));
    }

    /** Adds a member found by e-mail, or changes their role (owners and national administrators). */
    public void definirRole(Actor actor, String slug, String email, String role) {
        EspaceVu vu = espaces.ouvrir(actor, slug, ActionEspace.GERER);
        Espace espace = vu.espace();
        long auteur = ((Actor.Professionnel) actor).utilisateurId();
        Formulaire erreurs = new Formulaire();
        RoleEspace r = null;
        try {
            r = RoleEspace.valueOf(role);
        } catch (RuntimeException e) {
            erreurs.erreur("role", "Choisissez un rôle.");
        }
        String adresse = Formulaire.texte(email);
        Optional<Long> utilisateur = adresse == null ? Optional.empty()
                : transactions.withoutScope(() -> sql.un("SELECT id FROM utilisateur WHERE lower(email) = lower(?)", rs -> rs.getLong(1), adresse));
        if (adresse == null) {
            erreurs.erreur("email", "Saisissez l’adresse électronique du professionnel.");
        } else if (utilisateur.isEmpty()) {
            erreurs.erreur("email", "Aucun professionnel n’a cette adresse électronique.");
        }
        if (!erreurs.valide()) {
            throw new Formulaire.Invalide(erreurs);
        }
        RoleEspace nouveau = r;
        transactions.inScope(Espaces.scope(espace), () -> {
            Optional<RoleEspace> avant = Optional.ofNullable(repository.rolesDe(utilisateur.get()).get(espace.id()));
            repository.definirRole(espace.id(), utilisateur.get(), nouveau, auteur);
            Map<String, Object> av = new HashMap<>();
            av.put("utilisateur", adresse);
            av.put("role", avant.map(Enum::name).orElse(null));
            audit.changement(actor, avant.isPresent() ? TypeAction.MODIFICATION : TypeAction.CREATION, espace.territoire(),
                    "espace_membre", espace.id() + ":" + utilisateur.get(), avant.isPresent() ? av : null,
                    Map.of("utilisateur", adresse, "role", nouveau.name()));
            journal.noter(espace.id(), auteur, avant.isPresent() ? "Rôle modifié" : "Membre ajouté", adresse,
                    avant.map(a -> a.libelle() + " → ").orElse("") + nouveau.libelle());
            return null;
        });
    }

    public void retirer(Actor actor, String slug, long utilisateurId) {
        EspaceVu vu = espaces.ouvrir(actor, slug, ActionEspace.GERER);
        Espace espace = vu.espace();
        long auteur = ((Actor.Professionnel) actor).utilisateurId();
        transactions.inScope(Espaces.scope(espace), () -> {
            Optional<EspaceRepository.Membre> membre = repository.membres(espace.id()).stream()
                    .filter(m -> m.utilisateurId() == utilisateurId).findFirst();
            if (membre.isEmpty()) {
                return null;
            }
            repository.retirer(espace.id(), utilisateurId);
            audit.changement(actor, TypeAction.SUPPRESSION, espace.territoire(), "espace_membre", espace.id() + ":" + utilisateurId,
                    Map.of("utilisateur", membre.get().email(), "role", membre.get().role().name()), null);
            journal.noter(espace.id(), auteur, "Membre retiré", membre.get().email(), membre.get().role().libelle());
            return null;
        });
    }
}
