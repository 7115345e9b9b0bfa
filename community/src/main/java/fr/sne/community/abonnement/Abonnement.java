package fr.sne.community.abonnement;

import java.time.Instant;

/** A person's subscription to a target; {@code choisi} is false when set automatically (own topic, own reply). */
public record Abonnement(long utilisateurId, Cible cible, Niveau niveau, boolean choisi, String libelle, String url,
                         Instant modifieLe) {
}
