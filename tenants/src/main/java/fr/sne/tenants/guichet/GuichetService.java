package fr.sne.tenants.guichet;

import fr.sne.tenants.web.Refus;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.geographie.Commune;
import fr.sne.tenants.geographie.Geographie;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Profil;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoire;
import fr.sne.tenants.territoire.Territoires;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Unicite;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Desks of a territory: directory, creation, changes, deactivation — checked, scoped and audited. */
@Singleton
public class GuichetService {

    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{5}");
    private static final Pattern COURRIEL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final GuichetRepository guichets;
    private final GuichetPolicy policy;
    private final TenantTransactions transactions;
    private final Territoires territoires;
    private final Geographie geographie;
    private final AuditTrail audit;
    private final Annuaire annuaire;

    GuichetService(GuichetRepository guichets, GuichetPolicy policy, TenantTransactions transactions,
                   Territoires territoires, Geographie geographie, AuditTrail audit, Annuaire annuaire) {
        this.annuaire = annuaire;
        this.guichets = guichets;
        this.policy = policy;
        this.transactions = transactions;
        this.territoires = territoires;
        this.geographie = geographie;
        this.audit = audit;
    }

    /** The desks the actor's habilitation reaches: its territory's, or every one for national roles. */
    public List<Guichet> lister(Actor actor) {
        Scope scope = Acces.scope(actor);
        Acces.exiger(policy.decider(actor, ActionGuichet.CONSULTER, scope.territoire()));
        return transactions.inScope(Scope.lecture(scope), guichets::lister);
    }

    public Guichet consulter(Actor actor, String code) {
        Scope scope = Acces.scope(actor);
        Guichet guichet = transactions.inScope(Scope.lecture(scope), () -> guichets.trouver(code))
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Guichet introuvable"));
        Acces.exiger(policy.decider(actor, ActionGuichet.CONSULTER, guichet.territoire()));
        return guichet;
    }

    public Guichet creer(Actor actor, SaisieGuichet saisie) {
        String territoire = territoireCible(actor, saisie.territoire());
        Acces.exiger(policy.decider(actor, ActionGuichet.CREER, territoire));
        return transactions.inScope(Scope.territoire(territoire), () -> {
            Formulaire form = new Formulaire();
            Guichet guichet = valider(actor, saisie, territoire, form);
            if (saisie.code() != null && CODE.matcher(saisie.code()).matches()) {
                annuaire.guichet(saisie.code()).ifPresent(g -> form.erreur("code",
                        "Le code " + saisie.code() + " est déjà attribué au guichet « " + g.nom() + " »."));
            }
            form.verifier();
            try {
                guichets.inserer(guichet);
            } catch (RuntimeException e) {
                if (Unicite.violee(e)) {
                    // another person created the same code a moment ago
                    throw new Formulaire.Invalide(new Formulaire().erreur("code", "Le code " + guichet.code() + " vient d'être attribué."));
                }
                throw e;
            }
            audit.changement(actor, TypeAction.CREATION, territoire, "GUICHET", guichet.code(), null, valeurs(guichet));
            return guichets.trouver(guichet.code()).orElseThrow();
        });
    }

    public Guichet modifier(Actor actor, String code, SaisieGuichet saisie) {
        Guichet avant = territorial(consulter(actor, code));
        Acces.exiger(policy.decider(actor, ActionGuichet.MODIFIER, avant.territoire()));
        return transactions.inScope(Scope.territoire(avant.territoire()), () -> {
            Formulaire form = new Formulaire();
            SaisieGuichet memeCode = new SaisieGuichet(code, avant.territoire(), saisie.nom(), saisie.type(), saisie.siret(),
                    saisie.adresse(), saisie.commune(), saisie.courriel(), saisie.version());
            Guichet apres = valider(actor, memeCode, avant.territoire(), form);
            int version = version(saisie.version(), form);
            form.verifier();
            if (!guichets.modifier(apres, version)) {
                throw new Refus(HttpStatus.CONFLICT,
                        "Ce guichet a été modifié par quelqu'un d'autre entre-temps : rechargez la page et recommencez.");
            }
            audit.changement(actor, TypeAction.MODIFICATION, avant.territoire(), "GUICHET", code, valeurs(avant), valeurs(apres));
            return guichets.trouver(code).orElseThrow();
        });
    }

    public Guichet activer(Actor actor, String code, boolean actif) {
        Guichet avant = territorial(consulter(actor, code));
        Acces.exiger(policy.decider(actor, ActionGuichet.DESACTIVER, avant.territoire()));
        return transactions.inScope(Scope.territoire(avant.territoire()), () -> {
            if (guichets.activer(code, actif)) {
                audit.changement(actor, TypeAction.MODIFICATION, avant.territoire(), "GUICHET", code,
                        Map.of("actif", avant.actif()), Map.of("actif", actif));
            }
            return guichets.trouver(code).orElseThrow();
        });
    }

    /** The national portal desk is not managed from these pages. */
    private static Guichet territorial(Guichet guichet) {
        if (guichet.territoire() == null) {
            throw new Refus(HttpStatus.FORBIDDEN, "Le guichet national ne se modifie pas depuis cette page.");
        }
        return guichet;
    }

    /** National roles choose the territory in the form; the others act on their own. */
    private String territoireCible(Actor actor, String saisi) {
        Scope scope = Acces.scope(actor);
        if (!scope.national()) {
            return scope.territoire();
        }
        if (saisi == null || transactions.withoutScope(() -> territoires.trouver(saisi)).isEmpty()) {
            throw new Formulaire.Invalide(new Formulaire().erreur("territoire", "Choisissez le territoire du guichet."));
        }
        return saisi;
    }

    private Guichet valider(Actor actor, SaisieGuichet s, String territoire, Formulaire form) {
        if (s.code() == null || !CODE.matcher(s.code()).matches()) {
            form.erreur("code", "Le code du guichet compte 5 caractères : chiffres ou lettres majuscules (ex. 38004).");
        }
        if (s.nom() == null) {
            form.erreur("nom", "Indiquez le nom du guichet.");
        } else if (s.nom().length() > 200) {
            form.erreur("nom", "Le nom ne doit pas dépasser 200 caractères.");
        }
        TypeGuichet type = type(s.type());
        if (type == null) {
            form.erreur("type", "Choisissez le type du guichet.");
        } else if (type == TypeGuichet.PORTAIL) {
            form.erreur("type", "Le type « Portail » est réservé au guichet internet national.");
        }
        Optional<String> siret = Siret.normaliser(s.siret());
        if (s.siret() == null) {
            form.erreur("siret", "Indiquez le numéro SIRET du guichet (14 chiffres).");
        } else if (siret.isEmpty()) {
            form.erreur("siret", "Le numéro SIRET compte 14 chiffres.");
        } else if (!Siret.siretValide(siret.get())) {
            form.erreur("siret", "Le numéro SIRET " + siret.get() + " n'est pas valide : sa clé de contrôle est fausse.");
        }
        if (s.commune() == null) {
            form.erreur("commune", "Indiquez le code INSEE de la commune du guichet (5 caractères).");
        } else {
            Optional<Commune> commune = geographie.commune(s.commune());
            Territoire t = territoires.trouver(territoire).orElseThrow();
            if (commune.isEmpty()) {
                form.erreur("commune", "Commune inconnue : aucune commune actuelle n'a le code INSEE " + s.commune() + ".");
            } else if (!t.departements().contains(commune.get().departement())) {
                form.erreur("commune", "La commune " + commune.get().nom() + " (" + s.commune()
                        + ") n'appartient pas au territoire " + t.nom() + " (" + territoire + ").");
            }
        }
        if (s.courriel() != null && (s.courriel().length() > 200 || !COURRIEL.matcher(s.courriel()).matches())) {
            form.erreur("courriel", "L'adresse électronique n'est pas valide (ex. contact@organisme.fr).");
        }
        if (s.adresse() != null && s.adresse().length() > 300) {
            form.erreur("adresse", "L'adresse ne doit pas dépasser 300 caractères.");
        }
        return new Guichet(s.code(), territoire, s.nom(), type, siret.orElse(null), s.adresse(), s.commune(), null,
                s.courriel(), true, 1);
    }

    private static int version(String saisie, Formulaire form) {
        try {
            return Integer.parseInt(saisie);
        } catch (NumberFormatException | NullPointerException e) {
            form.erreur("version", "Le formulaire est incomplet : rechargez la page.");
            return -1;
        }
    }

    private static TypeGuichet type(String code) {
        if (code == null) {
            return null;
        }
        try {
            return TypeGuichet.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }


    private static Map<String, Object> valeurs(Guichet g) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("nom", g.nom());
        v.put("type", g.type() == null ? null : g.type().name());
        v.put("siret", g.siret());
        v.put("adresse", g.adresse());
        v.put("commune", g.commune());
        v.put("courriel", g.courriel());
        v.put("actif", g.actif());
        return v;
    }

}
