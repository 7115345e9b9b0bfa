package fr.sne.community.abonnement;

import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.EspaceVu;
import fr.sne.community.espace.Espaces;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Formulaire;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A person's subscriptions and e-mail preferences. These are their own settings (no territory):
 * read and written outside any tenant scope, always for the signed-in person (or the person an
 * unsubscribe link was signed for), each change audited in its transaction. Watching a space
 * requires seeing it; watching a category, a topic or a tag does not reveal anything (notifications
 * are filtered by the spaces the person sees when they are sent).
 */
@Singleton
public class Abonnements {

    /** A subscription as the page lists it: its label and link (a space's name when it is a space). */
    public record Ligne(Abonnement abonnement, String libelle, String url, String jeton) {
    }

    private final TenantTransactions transactions;
    private final AbonnementRepository repository;
    private final Espaces espaces;
    private final Clock clock;
    private final AuditTrail audit;

    Abonnements(TenantTransactions transactions, AbonnementRepository repository, Espaces espaces, Clock clock, AuditTrail audit) {
        this.transactions = transactions;
        this.repository = repository;
        this.espaces = espaces;
        this.clock = clock;
        this.audit = audit;
    }

    /** Every change of a subscription or a preference is audited with it (who, whose, before, after). */
    private void auditer(Actor actor, long utilisateurId, String objet, Object avant, Object apres) {
        Map<String, Object> a = new java.util.HashMap<>();
        Map<String, Object> b = new java.util.HashMap<>();
        a.put("valeur", avant == null ? null : avant.toString());
        b.put("valeur", apres == null ? null : apres.toString());
        audit.changement(actor, avant == null ? TypeAction.CREATION : apres == null ? TypeAction.SUPPRESSION : TypeAction.MODIFICATION,
                null, "abonnement", utilisateurId + ":" + objet, a, b);
    }

    public List<Ligne> lister(Actor.Professionnel actor) {
        Map<Long, EspaceVu> visibles = espaces.visibles(actor).stream()
                .collect(Collectors.toMap(v -> v.espace().id(), Function.identity()));
        return transactions.withoutScope(() -> repository.de(actor.utilisateurId())).stream()
                // a space no longer visible is not even named
                .filter(a -> a.cible().type() != Cible.Type.ESPACE || visibles.containsKey(a.cible().id()))
                .map(a -> {
                    if (a.cible().type() == Cible.Type.ESPACE) {
                        EspaceVu v = visibles.get(a.cible().id());
                        return new Ligne(a, v.espace().nom(), v.espace().url(), a.cible().toString());
                    }
                    String libelle = a.libelle().isBlank()
                            ? a.cible().type().libelle() + " " + (a.cible().type() == Cible.Type.TAG ? "#" : "n° ") + a.cible().valeur()
                            : a.libelle();
                    return new Ligne(a, libelle, a.url(), a.cible().toString());
                })
                .toList();
    }

    /** The person's level on a target, when they chose or were given one. */
    public Optional<Niveau> niveau(Actor.Professionnel actor, Cible cible) {
        return transactions.withoutScope(() -> repository.niveau(actor.utilisateurId(), cible));
    }

    /**
     * Sets the level from a "Suivre" form: {@code cible} like {@code sujet:45}, {@code niveau} a
     * {@link Niveau} name, optional label and link of the target (shown on "Mes abonnements").
     */
    public Cible definir(Actor.Professionnel actor, String cibleTexte, String niveauTexte, String libelle, String url) {
        Cible cible = Cible.lire(cibleTexte)
                .orElseThrow(() -> new Formulaire.Invalide(new Formulaire().erreur("cible", "La cible de l’abonnement est invalide.")));
        Niveau niveau = Optional.ofNullable(Niveau.de(niveauTexte))
                .orElseThrow(() -> new Formulaire.Invalide(new Formulaire().erreur("niveau", "Choisissez un niveau de suivi.")));
        if (cible.type() == Cible.Type.ESPACE) {
            // 404 for a space the person may not know of
            espaces.ouvrir(actor, cible.id(), ActionEspace.VOIR);
        }
        String l = libelle == null ? "" : libelle.strip();
        String u = url == null ? "" : url.strip();
        String libelleSur = l.length() > 300 ? l.substring(0, 300) : l;
        // only links inside the portal's community (never an outside address)
        String urlSure = u.startsWith("/communaute/") && u.length() <= 500 && !u.contains("//") ? u : "";
        transactions.withoutScope(() -> {
            Optional<Niveau> avant = repository.niveau(actor.utilisateurId(), cible);
            repository.definir(actor.utilisateurId(), cible, niveau, libelleSur, urlSure, clock.instant());
            auditer(actor, actor.utilisateurId(), cible.toString(), avant.orElse(null), niveau);
            return null;
        });
        return cible;
    }

    public boolean retirer(Actor.Professionnel actor, Cible cible) {
        return transactions.withoutScope(() -> {
            Optional<Niveau> avant = repository.niveau(actor.utilisateurId(), cible);
            boolean retire = repository.supprimer(actor.utilisateurId(), cible);
            if (retire) {
                auditer(actor, actor.utilisateurId(), cible.toString(), avant.orElse(null), null);
            }
            return retire;
        });
    }

    public PreferencesCourriel preferences(long utilisateurId) {
        return transactions.withoutScope(() -> repository.preferences(utilisateurId));
    }

    public void enregistrer(Actor.Professionnel actor, PreferencesCourriel preferences) {
        transactions.withoutScope(() -> {
            PreferencesCourriel avant = repository.preferences(actor.utilisateurId());
            repository.enregistrer(actor.utilisateurId(), preferences, clock.instant());
            auditer(actor, actor.utilisateurId(), "courriels", avant, preferences);
            return null;
        });
    }

    /**
     * An unsubscribe link followed: every e-mail off, or the target kept in the app only (Suivi),
     * so the person still sees it on the notifications page.
     */
    public void desabonner(JetonDesabonnement.Contenu contenu) {
        Actor lien = new Actor.Systeme("lien-desabonnement");
        transactions.withoutScope(() -> {
            if (contenu.cible().isEmpty()) {
                PreferencesCourriel p = repository.preferences(contenu.utilisateurId());
                PreferencesCourriel apres = new PreferencesCourriel(p.frequence(), false);
                repository.enregistrer(contenu.utilisateurId(), apres, clock.instant());
                auditer(lien, contenu.utilisateurId(), "courriels", p, apres);
            } else {
                Optional<Niveau> avant = repository.niveau(contenu.utilisateurId(), contenu.cible().get());
                repository.definir(contenu.utilisateurId(), contenu.cible().get(), Niveau.SUIVI, "", "", clock.instant());
                auditer(lien, contenu.utilisateurId(), contenu.cible().get().toString(), avant.orElse(null), Niveau.SUIVI);
            }
            return null;
        });
    }
}
