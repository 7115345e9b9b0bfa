package fr.sne.core.antifraude;

import fr.sne.core.demande.ControleModification;
import fr.sne.core.demande.DemandeJson;
import fr.sne.core.journal.Journal;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The anti-fraud check of every update by a desk (web form or API): a change of a person's birth
 * name or first names is recorded; a major one ({@link RegleChangementNom}) by a desk is held
 * back — the person's names stay as they were, the rest of the update is written — and waits for
 * a decision. Runs inside the update's transaction.
 */
@Singleton
class ControleNoms implements ControleModification {

    private final ChangementNomRepository changements;
    private final ChangementNomPolicy policy;
    private final AuditTrail audit;

    ControleNoms(ChangementNomRepository changements, ChangementNomPolicy policy, AuditTrail audit) {
        this.changements = changements;
        this.policy = policy;
        this.audit = audit;
    }

    @Override
    public Resultat controler(Actor actor, DemandeJson.Demande avant, DemandeJson.Contenu demandee) {
        // applicants cannot change names (ModificationParLeDemandeur); the system does not
        if (!(actor instanceof Actor.Professionnel || actor instanceof Actor.ClientApi)) {
            return new Resultat(demandee, List.of());
        }
        boolean soumis = policy.soumisAValidation(actor);
        DemandeJson.Contenu aEcrire = demandee;
        List<Retenue> retenues = new ArrayList<>();
        for (String personne : Personnes.communes(avant.contenu(), demandee)) {
            Personnes.Noms a = Personnes.noms(avant.contenu(), personne).orElseThrow();
            Personnes.Noms b = Personnes.noms(demandee, personne).orElseThrow();
            boolean nomChange = !Objects.equals(a.nom(), b.nom());
            boolean prenomsChange = !Objects.equals(a.prenoms(), b.prenoms());
            if (!nomChange && !prenomsChange) {
                continue;
            }
            boolean mineur = RegleChangementNom.mineur(a.nom(), b.nom()) && RegleChangementNom.mineur(a.prenoms(), b.prenoms());
            boolean retenu = !mineur && soumis;
            ChangementNom.Statut statut = retenu ? ChangementNom.Statut.EN_ATTENTE : ChangementNom.Statut.APPLIQUE;
            ChangementNomRepository.Enregistrement e = changements.inserer(avant.territoire(), avant.numeroUnique(), personne,
                    a.nom(), a.prenoms(), b.nom(), b.prenoms(), mineur, statut, qui(actor), avant.version());
            if (retenu) {
                aEcrire = Personnes.avecNoms(aEcrire, personne, a);
                List<String> champs = new ArrayList<>();
                if (nomChange) {
                    champs.add(personne + ".nomNaissance");
                }
                if (prenomsChange) {
                    champs.add(personne + ".prenoms");
                }
                retenues.add(new Retenue(e.id(), champs, "Changement de nom " + Personnes.duLaPersonne(personne)
                        + " en attente de validation par le gestionnaire territorial ou un guichet manager du guichet : "
                        + "les nom et prénoms restent inchangés d’ici là."));
                // asked again while it waits (a vendor re-sending its copy): already recorded and audited
                if (e.nouveau()) {
                    auditer(actor, avant, personne, a, b, e.id());
                }
            }
        }
        return new Resultat(aEcrire, retenues);
    }

    /** The pending change's audit row, with the names before and asked (sensitive fields). */
    private void auditer(Actor actor, DemandeJson.Demande avant, String personne, Personnes.Noms a, Personnes.Noms b, long id) {
        Map<String, Object> av = new LinkedHashMap<>();
        av.put("nomNaissance", a.nom());
        av.put("prenoms", a.prenoms());
        Map<String, Object> apres = new LinkedHashMap<>();
        apres.put("numeroUnique", avant.numeroUnique());
        apres.put("personne", personne);
        apres.put("statut", ChangementNom.Statut.EN_ATTENTE.name());
        apres.put("nomNaissance", b.nom());
        apres.put("prenoms", b.prenoms());
        audit.changement(actor, TypeAction.CREATION, avant.territoire(), "CHANGEMENT_NOM", Long.toString(id), av, apres);
    }

    /** Who asks, as recorded: the audit's actor id, the person's account, a label for professionals, the desk. */
    static ChangementNomRepository.Qui qui(Actor actor) {
        return switch (actor) {
            case Actor.Professionnel p -> new ChangementNomRepository.Qui(Journal.auteur(p), p.utilisateurId(), p.nomAffiche(),
                    Journal.guichet(p));
            case Actor.ClientApi c -> new ChangementNomRepository.Qui(Journal.auteur(c), null,
                    "Logiciel du guichet (client d’API " + c.clientId() + ")", c.guichet());
            default -> throw new IllegalArgumentException("Only desks change names");
        };
    }
}
