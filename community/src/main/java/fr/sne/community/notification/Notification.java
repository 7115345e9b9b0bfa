package fr.sne.community.notification;

import java.time.Instant;

/** An in-app notification of a community event to one person. */
public record Notification(long id, long utilisateurId, long evenementId, long espaceId, String espaceNom,
                           EvenementCommunaute.Type type, ReglesNotification.Motif motif, Long sujetId, String titre,
                           String extrait, String url, String cible, Instant creeLe, Instant lueLe,
                           ReglesNotification.Courriel courriel) {

    public boolean lue() {
        return lueLe != null;
    }

    /** Why the person hears of it, in French. */
    public String raison() {
        return switch (motif) {
            case MENTION -> "Vous avez été mentionné";
            case REPONSE -> "Réponse à votre sujet";
            case IMPORTANT -> "Actualité importante";
            case SURVEILLE, SUIVI -> "Abonnement";
        };
    }

    /** What happened, in French. */
    public String quoi() {
        return switch (type) {
            case SUJET -> "Nouveau sujet";
            case REPONSE -> "Nouvelle réponse";
            case SUJET_RESOLU -> "Sujet résolu";
            case PAGE -> "Page modifiée";
            case ACTUALITE -> "Actualité";
            case ACTUALITE_IMPORTANTE -> "Actualité importante";
            case EVENEMENT -> "Événement";
        };
    }
}
