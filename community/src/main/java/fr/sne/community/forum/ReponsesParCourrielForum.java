package fr.sne.community.forum;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Refus;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * A reply received by mail goes through {@link ForumService#repondre} as the member it was sent
 * to: same visibility, lock, slow mode and approval rules as in the portal. The mail's Message-ID
 * is stored with the post under a unique constraint, so a mail polled twice is posted once.
 */
@Singleton
class ReponsesParCourrielForum implements ReponsesParCourriel {

    private final ForumService service;
    private final ForumRepository forum;
    private final Participants participants;
    private final TenantTransactions transactions;

    ReponsesParCourrielForum(ForumService service, ForumRepository forum, Participants participants, TenantTransactions transactions) {
        this.service = service;
        this.forum = forum;
        this.participants = participants;
        this.transactions = transactions;
    }

    @Override
    public Issue repondre(long sujetId, long utilisateurId, String texte, String messageIdCourriel) {
        if (messageIdCourriel == null || messageIdCourriel.isBlank()) {
            return new Issue.Refusee("Le courriel n’a pas d’identifiant (Message-ID) : il ne peut pas être publié.");
        }
        Optional<Issue> deja = dejaRecue(messageIdCourriel);
        if (deja.isPresent()) {
            return deja.get();
        }
        Optional<Actor.Professionnel> acteur = participants.acteur(utilisateurId);
        if (acteur.isEmpty()) {
            return new Issue.Refusee("Votre compte n’est pas reconnu.");
        }
        try {
            Message m = service.repondre(acteur.get(), sujetId, texte, messageIdCourriel);
            return new Issue.Publiee(m.id(), "/communaute/forum/sujets/" + m.sujetId() + "#message-" + m.id());
        } catch (Refus e) {
            return new Issue.Refusee(e.getStatus().getCode() == 404 || e.getStatus().getCode() == 403
                    ? "Vous n’avez plus accès à ce sujet ou à son espace." : e.getMessage());
        } catch (Formulaire.Invalide e) {
            return new Issue.Refusee(String.join(" ", e.erreurs().values()));
        } catch (RuntimeException e) {
            // the same mail posted concurrently: the unique Message-ID refused the second
            return dejaRecue(messageIdCourriel).orElseThrow(() -> e);
        }
    }

    private Optional<Issue> dejaRecue(String messageIdCourriel) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> forum.messageParCourriel(messageIdCourriel)
                .flatMap(forum::message)
                .map(m -> new Issue.DejaRecue("/communaute/forum/sujets/" + m.sujetId() + "#message-" + m.id())));
    }
}
