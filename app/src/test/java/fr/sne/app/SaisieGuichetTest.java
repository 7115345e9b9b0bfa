package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A desk agent types a CERFA in tabs: drafts, field errors, duplicate warning, registration, update with optimistic locking. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaisieGuichetTest implements SharedServicesTest {

    private static final Pattern BROUILLON = Pattern.compile("/pro/brouillons/(\\d+)");
    private static final Pattern NUMERO = Pattern.compile("/pro/demandes/([0-9A-Z]{18})");

    @Inject
    EmbeddedServer server;

    private WebClient agent(String email) {
        WebClient web = new WebClient(server);
        web.signInAs(email);
        return web;
    }

    private static List<Map.Entry<String, String>> demandeur(String nom, String prenoms, String naissance) {
        return new ArrayList<>(List.of(Map.entry("onglet", "demandeur"), Map.entry("demandeur.civilite", "2"),
                Map.entry("demandeur.nomNaissance", nom), Map.entry("demandeur.prenoms", prenoms),
                Map.entry("demandeur.dateNaissance", naissance), Map.entry("demandeur.nationalite", "1"),
                Map.entry("demandeur.mel", "demandeuse@example.org"), Map.entry("demandeur.adresse.communeInsee", "38185")));
    }

    /** Creates a draft through the tabs and registers it; returns the response of the registration. */
    private HttpResponse<String> saisir(WebClient web, String nom, String prenoms, String naissance) {
        List<Map.Entry<String, String>> identite = demandeur(nom, prenoms, naissance);
        identite.add(Map.entry("aller", "recherche"));
        HttpResponse<String> cree = web.submitPairs("/pro/brouillons", identite);
        assertEquals(303, cree.statusCode(), cree.body());
        Matcher m = BROUILLON.matcher(WebClient.location(cree));
        assertTrue(m.find());
        String brouillon = "/pro/brouillons/" + m.group(1);
        assertTrue(WebClient.location(cree).endsWith("onglet=recherche"));
        return web.submitPairs(brouillon, List.of(Map.entry("onglet", "recherche"),
                Map.entry("logementRecherche.communesSouhaitees", "38185"), Map.entry("logementRecherche.communesSouhaitees", "38382"),
                Map.entry("logementRecherche.typesLogement", "T2"), Map.entry("logementRecherche.typesLogement", "T3"),
                Map.entry("action", "deposer")));
    }

    @Test
    void anAgentTypesADraftInTabsAndRegistersIt() {
        WebClient web = agent("agent.actis@sne.test");
        assertEquals(200, web.page("/pro/demandes/nouvelle").statusCode());

        // a draft saved with an unreadable amount keeps the rest and says which field is wrong
        List<Map.Entry<String, String>> identite = demandeur("Moreau", "Claire", "1988-04-12");
        identite.add(Map.entry("aller", "revenus"));
        String brouillon = WebClient.location(web.submitPairs("/pro/brouillons", identite)).replaceFirst("\\?.*", "");
        HttpResponse<String> revenus = web.submitPairs(brouillon, List.of(Map.entry("onglet", "revenus"),
                Map.entry("demandeur.ressourcesRecues.SAL", "mille"), Map.entry("demandeur.ressourcesRecues.AF", "140"),
                Map.entry("aller", "motifs")));
        assertEquals(422, revenus.statusCode(), revenus.body());
        assertTrue(revenus.body().contains("Saisissez un nombre entier (sans centimes)."), revenus.body());
        assertTrue(revenus.body().contains("value=\"mille\""));

        // the draft is listed and resumes with what was typed
        assertTrue(web.page("/pro/brouillons").body().contains("Moreau Claire"));
        HttpResponse<String> repris = web.page(brouillon + "?onglet=revenus");
        assertTrue(repris.body().contains("value=\"140\""), repris.body());

        // registering without a wanted commune: every anomaly listed, with its tab
        HttpResponse<String> incomplet = web.submitPairs(brouillon, List.of(Map.entry("onglet", "motifs"),
                Map.entry("motifs", "13"), Map.entry("motifs", "23"), Map.entry("action", "deposer")));
        assertEquals(422, incomplet.statusCode(), incomplet.body());
        assertTrue(incomplet.body().contains("Logement recherché : Indiquez au moins une commune souhaitée."), incomplet.body());
        assertTrue(incomplet.body().contains("Motifs : Précisez l’autre motif particulier (motif 23)."), incomplet.body());

        HttpResponse<String> fin = web.submitPairs(brouillon, List.of(Map.entry("onglet", "motifs"), Map.entry("motifs", "13"),
                Map.entry("aller", "recherche")));
        assertEquals(303, fin.statusCode(), fin.body());
        HttpResponse<String> enregistree = web.submitPairs(brouillon, List.of(Map.entry("onglet", "recherche"),
                Map.entry("logementRecherche.communesSouhaitees", "38185"), Map.entry("action", "deposer")));
        assertEquals(303, enregistree.statusCode(), enregistree.body());
        Matcher numero = NUMERO.matcher(WebClient.location(enregistree));
        assertTrue(numero.find());
        assertTrue(numero.group(1).endsWith("38001"));
        HttpResponse<String> fiche = web.page(WebClient.location(enregistree));
        assertTrue(fiche.body().contains("La demande est enregistrée sous le numéro unique " + numero.group(1)), fiche.body());
        assertTrue(fiche.body().contains("Allocations familiales"), fiche.body());
        assertTrue(fiche.body().contains("Logement trop petit"), fiche.body());
        assertTrue(fiche.body().contains("Grenoble (38185)"), fiche.body());
        // the draft is gone once registered
        assertFalse(web.page("/pro/brouillons").body().contains("Moreau Claire"));
        assertEquals(404, web.page(brouillon).statusCode());
    }

    @Test
    void aProbableDuplicateNeedsAReasonToProceed() {
        WebClient web = agent("agent.actis@sne.test");
        HttpResponse<String> premiere = saisir(web, "N'Diaye-Faye", "Awa Marie", "1979-03-03");
        assertEquals(303, premiere.statusCode(), premiere.body());
        String numero = WebClient.location(premiere).replaceFirst(".*/pro/demandes/([0-9A-Z]{18}).*", "$1");

        WebClient autre = agent("agent.stegreve@sne.test");
        HttpResponse<String> doublon = saisir(autre, "NDIAYE FAYE", "awa-marie", "1979-03-03");
        assertEquals(409, doublon.statusCode(), doublon.body());
        assertTrue(doublon.body().contains(numero), doublon.body());
        assertTrue(doublon.body().contains("100 %"), doublon.body());
        String confirmer = doublon.body().replaceFirst("(?s).*action=\"(/pro/brouillons/\\d+/enregistrement)\".*", "$1");

        HttpResponse<String> sansMotif = autre.submitPairs(confirmer, List.of(Map.entry("confirmationNonDoublon", " ")));
        assertEquals(409, sansMotif.statusCode());
        assertTrue(sansMotif.body().contains("Indiquez pourquoi cette demande n’est pas un doublon"), sansMotif.body());

        HttpResponse<String> confirme = autre.submitPairs(confirmer, List.of(Map.entry("confirmationNonDoublon", "Homonyme vérifié sur pièce d'identité")));
        assertEquals(303, confirme.statusCode(), confirme.body());
        assertTrue(WebClient.location(confirme).contains("38002"));
    }

    @Test
    void aStaleUpdateShowsWhoChangedWhatAndLosesNothing() {
        WebClient actis = agent("agent.actis@sne.test");
        HttpResponse<String> cree = saisir(actis, "Lambert", "Hugo", "1990-10-10");
        String numero = WebClient.location(cree).replaceFirst(".*/pro/demandes/([0-9A-Z]{18}).*", "$1");
        WebClient stegreve = agent("agent.stegreve@sne.test");

        // both open the "logement recherché" tab at version 1
        assertTrue(actis.page("/pro/demandes/" + numero + "/modifier?onglet=recherche").body().contains("name=\"version\" value=\"1\""));
        assertTrue(stegreve.page("/pro/demandes/" + numero + "/modifier?onglet=recherche").body().contains("name=\"version\" value=\"1\""));

        HttpResponse<String> premier = stegreve.submitPairs("/pro/demandes/" + numero + "/modifier", List.of(Map.entry("onglet", "recherche"),
                Map.entry("version", "1"), Map.entry("logementRecherche.communesSouhaitees", "38185"),
                Map.entry("logementRecherche.loyerMaximum", "600"), Map.entry("action", "modifier")));
        assertEquals(303, premier.statusCode(), premier.body());

        HttpResponse<String> second = actis.submitPairs("/pro/demandes/" + numero + "/modifier", List.of(Map.entry("onglet", "recherche"),
                Map.entry("version", "1"), Map.entry("logementRecherche.communesSouhaitees", "38185"),
                Map.entry("logementRecherche.etageMaximum", "2"), Map.entry("action", "modifier")));
        assertEquals(409, second.statusCode(), second.body());
        assertTrue(second.body().contains("La demande a été modifiée pendant votre saisie"), second.body());
        assertTrue(second.body().contains("Commune de Saint-Égrève"), second.body());
        assertTrue(second.body().contains("logementRecherche.loyerMaximum"), second.body());
        // the agent's own value is still in the form, with the current version to apply it knowingly
        assertTrue(second.body().contains("value=\"2\""), second.body());
        assertTrue(second.body().contains("name=\"version\" value=\"2\""), second.body());

        HttpResponse<String> fiche = actis.page("/pro/demandes/" + numero);
        assertTrue(fiche.body().contains("600 €"), fiche.body());
        assertFalse(fiche.body().contains("Étage maximum"), fiche.body());

        // a consultant may read but not change it; another territory does not see it
        WebClient consultant = agent("consultant@sne.test");
        assertEquals(200, consultant.page("/pro/demandes/" + numero).statusCode());
        assertEquals(403, consultant.page("/pro/demandes/" + numero + "/modifier").statusCode());
        assertEquals(404, agent("agent.logis@sne.test").page("/pro/demandes/" + numero).statusCode());
    }
}
