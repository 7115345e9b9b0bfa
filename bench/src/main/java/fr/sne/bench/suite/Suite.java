package fr.sne.bench.suite;

import fr.sne.bench.analyse.ScenarioAnalyse;
import fr.sne.bench.mesure.Banc;
import fr.sne.bench.mesure.BaseDeDonnees;
import fr.sne.bench.mesure.Echelle;
import fr.sne.bench.mesure.Machine;
import fr.sne.bench.mesure.Mesure;
import fr.sne.bench.mesure.Profil;
import fr.sne.bench.mesure.Rapport;
import fr.sne.bench.mesure.Scenario;
import fr.sne.bench.pertinence.ScenarioRecherche;
import fr.sne.bench.scenario.attestation.Attestations;
import fr.sne.bench.scenario.consultation.Consultations;
import fr.sne.bench.scenario.enregistrement.Enregistrement;
import fr.sne.bench.scenario.export.ExportTerritoire;
import fr.sne.bench.scenario.gdm.DrainageGdm;
import fr.sne.bench.scenario.pages.PagesPubliques;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs the suite against a running product: prepares the data, then each scenario in the order
 * of issue #11, one after the other (never two at once: each figure has the machine to itself,
 * as much as a shared machine allows), and writes the report. A scenario that fails is reported
 * as such and the others still run.
 */
public final class Suite {

    /**
     * @param retenus       scenario numbers to run (empty: all)
     * @param echantillons  sample PDFs of scenario 6 (the documents module's test resources)
     * @param profil        records each scenario with Java Flight Recorder and samples the database's sessions
     */
    public record Parametres(Echelle echelle, URI base, URI jetons, ApplicationContext application, BaseDeDonnees bd, Path resultats,
                             Path echantillons, Set<String> retenus, boolean profil, PrintStream journal) {
    }

    private Suite() {
    }

    /** The scenarios in the order they run. */
    public static List<Scenario> scenarios(Path echantillons) {
        List<Scenario> s = new ArrayList<>(List.of(new Enregistrement(), new DrainageGdm(), new ExportTerritoire()));
        s.add(new ScenarioRecherche());
        s.add(new Attestations());
        s.add(new ScenarioAnalyse(echantillons));
        s.add(new PagesPubliques());
        s.add(new Consultations());
        return s;
    }

    public static Rapport executer(Parametres p) throws Exception {
        Rapport rapport = new Rapport(Machine.decrire(p.echelle(), p.bd()));
        double chargeAvant = Machine.charge();
        p.journal().printf("[banc] échelle %s : préparation (%d demandes dans le territoire %s, %d ailleurs)%n", p.echelle().nom(),
                p.echelle().demandes(), Preparation.TERRITOIRE, p.echelle().demandesNationales());
        Preparation.Chargement chargement = Preparation.preparer(p.bd(), p.echelle(), p.journal());
        rapport.ajouter(new Rapport.Passage("0", "Chargement des données (générateur, COPY)", chargement.millisecondes() / 1000.0,
                chargeAvant, Machine.charge(), mesuresChargement(chargement), null));
        Files.createDirectories(p.resultats());
        Path temporaire = Files.createTempDirectory("sne-banc-");
        Banc banc = new Banc(p.echelle(), p.base(), p.jetons(), p.application(), p.bd(), Preparation.TERRITOIRE, chargement.clients(),
                Preparation.GESTIONNAIRE, p.journal(), temporaire);
        for (Scenario s : scenarios(p.echantillons())) {
            if (!p.retenus().isEmpty() && !p.retenus().contains(s.numero())) {
                continue;
            }
            p.journal().printf("[banc] scénario %s : %s%n", s.numero(), s.titre());
            double avant = Machine.charge();
            long debut = System.nanoTime();
            List<Mesure> mesures = List.of();
            String erreur = null;
            try (Profil profil = p.profil() ? Profil.demarrer(p.resultats().resolve("profil-" + s.numero() + ".jfr"),
                    p.bd(), p.journal()) : null) {
                mesures = s.executer(banc);
            } catch (Exception | AssertionError e) {
                erreur = e.getClass().getSimpleName() + " : " + e.getMessage();
                e.printStackTrace(p.journal());
            }
            rapport.ajouter(new Rapport.Passage(s.numero(), s.titre(), (System.nanoTime() - debut) / 1e9, avant, Machine.charge(), mesures,
                    erreur));
        }
        rapport.noter("Territoire du banc " + Preparation.TERRITOIRE + " : " + chargement.territoire().demandes() + " demandes générées ("
                + chargement.territoire().radiees() + " radiées, " + chargement.territoire().evenements() + " événements)"
                + (chargement.national() == null ? "" : " ; " + chargement.national().demandes() + " dans les autres territoires")
                + " ; graine " + 20_261_122L + ".");
        rapport.noter("Le produit tourne dans la JVM du banc (services embarqués : PostgreSQL, S3, OIDC, SMTP), tâches planifiées arrêtées ;"
                + " limite de débit de l'API relevée pour le banc.");
        rapport.ecrire(p.resultats(), p.journal());
        return rapport;
    }

    private static List<Mesure> mesuresChargement(Preparation.Chargement c) {
        double secondes = c.millisecondes() / 1000.0;
        double parSeconde = c.demandes() / secondes;
        List<Mesure> m = new ArrayList<>();
        m.add(Mesure.de("0", "Chargement de " + c.demandes() + " demandes (avec versions, mouvements, événements, radiations ; "
                        + c.methode() + ")",
                "demandes/s", parSeconde, null, null, Mesure.Objectif.auMoins(5_000, "3 millions en < 10 min (5 000/s)")));
        if (c.demandes() >= 3_000_000) {
            m.add(Mesure.de("0", "Chargement de " + c.demandes() + " demandes, durée", "s", secondes, null, null,
                    Mesure.Objectif.auPlus(600, "< 10 min")));
        }
        return m;
    }
}
