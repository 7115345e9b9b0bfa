package fr.sne.bench.analyse;

import fr.sne.bench.mesure.Banc;
import fr.sne.bench.mesure.Mesure;
import fr.sne.bench.mesure.Scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 6 in the suite: {@link MesureAnalyse} on the documents module's sample PDFs (when the
 * sources are there) and a generated 100-page text PDF, against pdftotext.
 */
public final class ScenarioAnalyse implements Scenario {

    private final Path echantillons;

    /** @param echantillons folder of sample PDFs (skipped when absent) */
    public ScenarioAnalyse(Path echantillons) {
        this.echantillons = echantillons;
    }

    @Override
    public String numero() {
        return "6";
    }

    @Override
    public String titre() {
        return "Analyse des pièces (Tika)";
    }

    @Override
    public List<Mesure> executer(Banc banc) throws Exception {
        Map<String, List<Path>> jeux = new LinkedHashMap<>();
        if (Files.isDirectory(echantillons)) {
            jeux.put("échantillons du module documents", MesureAnalyse.echantillons(echantillons));
        }
        jeux.put("PDF texte généré, 100 pages", List.of(MesureAnalyse.pdfTexte(banc.temporaire(), 100)));
        List<Mesure> mesures = new ArrayList<>();
        for (MesureAnalyse.Resultat r : new MesureAnalyse().mesurer(jeux, banc.echelle().toursAnalyse(), banc.journal())) {
            mesures.add(Mesure.de("6", "Analyse PDF : " + r.jeu() + " (" + r.fichiers() + " fichier(s), " + r.octets() / 1024 + " Ko)",
                    "Mo/s", r.produit(), r.reference(), r.reference() == null ? "pdftotext absent : non mesuré"
                            : "pdftotext (poppler-utils), un processus par fichier", null));
        }
        return mesures;
    }
}
