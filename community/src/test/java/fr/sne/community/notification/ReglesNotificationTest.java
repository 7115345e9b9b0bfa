package fr.sne.community.notification;

import fr.sne.community.abonnement.AbonnementRepository.Correspondance;
import fr.sne.community.abonnement.Cible;
import fr.sne.community.abonnement.Niveau;
import fr.sne.community.notification.ReglesNotification.Courriel;
import fr.sne.community.notification.ReglesNotification.Motif;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.sne.community.notification.EvenementCommunaute.Type.ACTUALITE_IMPORTANTE;
import static fr.sne.community.notification.EvenementCommunaute.Type.REPONSE;
import static fr.sne.community.notification.EvenementCommunaute.Type.SUJET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReglesNotificationTest {

    private static Correspondance c(Cible cible, Niveau niveau) {
        return new Correspondance(7, cible, niveau);
    }

    @Test
    void le_plus_precis_l_emporte_sujet_categorie_tag_espace() {
        var siennes = List.of(c(Cible.espace(1), Niveau.SILENCIEUX), c(Cible.tag("radiation"), Niveau.SUIVI),
                c(Cible.categorie(3), Niveau.NORMAL), c(Cible.sujet(45), Niveau.SURVEILLE));
        assertEquals(Niveau.SURVEILLE, ReglesNotification.applicable(siennes).orElseThrow().niveau());
        assertEquals(Niveau.NORMAL, ReglesNotification.applicable(siennes.subList(0, 3)).orElseThrow().niveau());
        assertEquals(Niveau.SUIVI, ReglesNotification.applicable(siennes.subList(0, 2)).orElseThrow().niveau());
        // among several tags, the most attentive
        assertEquals(Niveau.SURVEILLE, ReglesNotification.applicable(List.of(c(Cible.tag("a"), Niveau.SUIVI),
                c(Cible.tag("b"), Niveau.SURVEILLE))).orElseThrow().niveau());
    }

    @Test
    void chaque_niveau_decide_du_canal() {
        var surveille = ReglesNotification.decider(SUJET, List.of(c(Cible.espace(1), Niveau.SURVEILLE)), false, false, true).orElseThrow();
        assertEquals(Motif.SURVEILLE, surveille.motif());
        assertEquals(Courriel.RESUME, surveille.courriel());
        assertEquals("espace:1", surveille.cible().toString());
        assertEquals(Courriel.AUCUN, ReglesNotification.decider(SUJET, List.of(c(Cible.espace(1), Niveau.SUIVI)), false, false, true)
                .orElseThrow().courriel());
        // Normal (no subscription): nothing for a new topic, a reply to one's own topic in the app, a mention by mail at once
        assertTrue(ReglesNotification.decider(SUJET, List.of(), false, false, true).isEmpty());
        assertEquals(Motif.REPONSE, ReglesNotification.decider(REPONSE, List.of(), false, true, true).orElseThrow().motif());
        var mention = ReglesNotification.decider(SUJET, List.of(), true, false, true).orElseThrow();
        assertEquals(Courriel.IMMEDIAT, mention.courriel());
        assertEquals(Courriel.IMMEDIAT, ReglesNotification.decider(ACTUALITE_IMPORTANTE, List.of(), false, false, true).orElseThrow().courriel());
    }

    @Test
    void silencieux_ne_recoit_rien_et_sans_courriels_tout_reste_dans_l_application() {
        var muet = List.of(c(Cible.espace(1), Niveau.SILENCIEUX));
        assertTrue(ReglesNotification.decider(SUJET, muet, true, false, true).isEmpty());
        assertTrue(ReglesNotification.decider(ACTUALITE_IMPORTANTE, muet, false, false, true).isEmpty());
        assertEquals(Courriel.AUCUN, ReglesNotification.decider(SUJET, List.of(), true, false, false).orElseThrow().courriel());
    }
}
