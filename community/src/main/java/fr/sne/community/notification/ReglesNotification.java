package fr.sne.community.notification;

import fr.sne.community.abonnement.AbonnementRepository.Correspondance;
import fr.sne.community.abonnement.Cible;
import fr.sne.community.abonnement.Niveau;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one place deciding who hears of an event, and how. The most specific subscription wins
 * (topic, then category, then tag, then space; among several tags the most attentive); without
 * any, the level is Normal.
 * <ul>
 * <li>Silencieux: nothing at all, not even a mention nor the digest.</li>
 * <li>A mention, an important news item: in the app and an immediate e-mail.</li>
 * <li>Surveillé: in the app and in the e-mail digest.</li>
 * <li>Suivi: in the app only.</li>
 * <li>Normal: only mentions and replies to one's own topics (in the app).</li>
 * </ul>
 * Whether the person still sees the space is checked before, by {@link Destinataires}; e-mails
 * switched off in their preferences turn every e-mail into "in the app only".
 */
public final class ReglesNotification {

    public enum Motif { MENTION, REPONSE, SURVEILLE, SUIVI, IMPORTANT }

    public enum Courriel { AUCUN, IMMEDIAT, RESUME }

    /** What the person gets: why, by which mail, and the subscription's target that brought it (or none). */
    public record Decision(Motif motif, Courriel courriel, Cible cible) {
    }

    private ReglesNotification() {
    }

    /** The level that applies to the event for a person, from their subscriptions the event meets. */
    public static Optional<Correspondance> applicable(List<Correspondance> siennes) {
        return siennes.stream().min(Comparator.<Correspondance>comparingInt(c -> c.cible().type().ordinal())
                .thenComparingInt(c -> c.niveau().ordinal()));
    }

    public static Optional<Decision> decider(EvenementCommunaute.Type type, List<Correspondance> siennes, boolean mentionne,
                                             boolean auteurDuSujet, boolean courrielsActives) {
        Optional<Correspondance> applicable = applicable(siennes);
        Niveau niveau = applicable.map(Correspondance::niveau).orElse(Niveau.NORMAL);
        Cible cible = applicable.map(Correspondance::cible).orElse(null);
        Decision d;
        if (niveau == Niveau.SILENCIEUX) {
            return Optional.empty();
        } else if (mentionne) {
            d = new Decision(Motif.MENTION, Courriel.IMMEDIAT, null);
        } else if (type == EvenementCommunaute.Type.ACTUALITE_IMPORTANTE) {
            d = new Decision(Motif.IMPORTANT, Courriel.IMMEDIAT, null);
        } else if (niveau == Niveau.SURVEILLE) {
            d = new Decision(Motif.SURVEILLE, Courriel.RESUME, cible);
        } else if (niveau == Niveau.SUIVI) {
            d = new Decision(Motif.SUIVI, Courriel.AUCUN, cible);
        } else if (auteurDuSujet && (type == EvenementCommunaute.Type.REPONSE || type == EvenementCommunaute.Type.SUJET_RESOLU)) {
            d = new Decision(Motif.REPONSE, Courriel.AUCUN, null);
        } else {
            return Optional.empty();
        }
        return Optional.of(courrielsActives ? d : new Decision(d.motif(), Courriel.AUCUN, d.cible()));
    }
}
