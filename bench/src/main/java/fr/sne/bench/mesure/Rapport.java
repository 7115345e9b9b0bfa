package fr.sne.bench.mesure;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's results: a Markdown table and a CSV (one row per figure, the machine's details on
 * every row), written to {@code <dossier>/banc-<échelle>-<date>.md|csv} and copied to
 * {@code dernier-<échelle>.md|csv}.
 */
public final class Rapport {

    /** One scenario as it ran: its figures, or the error that stopped it. */
    public record Passage(String numero, String titre, double secondes, double chargeAvant, double chargeApres,
                          List<Mesure> mesures, String erreur) {
    }

    private final Machine machine;
    private final List<Passage> passages = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Rapport(Machine machine) {
        this.machine = machine;
    }

    public synchronized void ajouter(Passage p) {
        passages.add(p);
    }

    /** A line printed under the table (what was loaded, how long it took…). */
    public synchronized void noter(String note) {
        notes.add(note);
    }

    public synchronized List<Passage> passages() {
        return List.copyOf(passages);
    }

    public Machine machine() {
        return machine;
    }

    public synchronized String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("# Banc SNE — échelle ").append(machine.echelle()).append(" — ")
                .append(machine.date().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append(" (Europe/Paris)\n\n");
        s.append("Machine : ").append(machine.coeurs()).append(" cœurs (").append(machine.processeur()).append("), ")
                .append(machine.memoireMo()).append(" Mo de mémoire ; JDK ").append(machine.jdk()).append(", tas max ")
                .append(nombre(machine.tasMaxMo())).append(" Mo ; PostgreSQL ").append(machine.postgresql()).append(" ; ")
                .append(machine.systeme()).append(".\n\n");
        s.append("Le produit et sa référence sont mesurés dans la même exécution, l'un après l'autre ; le ratio est produit / référence.\n\n");
        s.append("| n° | mesure | produit | référence (même exécution) | valeur de référence | ratio | objectif | atteint |\n");
        s.append("| --- | --- | ---: | --- | ---: | ---: | --- | :---: |\n");
        for (Passage p : passages) {
            if (p.erreur() != null) {
                s.append("| ").append(p.numero()).append(" | ").append(p.titre()).append(" | échec | ").append(cellule(p.erreur()))
                        .append(" | | | | |\n");
                continue;
            }
            for (Mesure m : p.mesures()) {
                s.append("| ").append(p.numero()).append(" | ").append(cellule(m.indicateur())).append(" | ")
                        .append(nombre(m.produit())).append(' ').append(m.unite()).append(" | ")
                        .append(m.reference() == null ? "—" : cellule(m.reference())).append(" | ")
                        .append(m.valeurReference() == null ? "—" : nombre(m.valeurReference()) + " " + m.unite()).append(" | ")
                        .append(m.ratio() == null ? "—" : String.format(Locale.ROOT, "%.2f", m.ratio())).append(" | ")
                        .append(m.objectif() == null ? "—" : cellule(m.objectif().libelle())).append(" | ")
                        .append(m.atteint() == null ? "—" : m.atteint() ? "oui" : "**non**").append(" |\n");
            }
        }
        s.append("\n| n° | scénario | durée (s) | charge moyenne avant → après (1 min) |\n| --- | --- | ---: | --- |\n");
        for (Passage p : passages) {
            s.append("| ").append(p.numero()).append(" | ").append(p.titre()).append(" | ").append(nombre(p.secondes())).append(" | ")
                    .append(nombre(p.chargeAvant())).append(" → ").append(nombre(p.chargeApres())).append(" |\n");
        }
        if (!notes.isEmpty()) {
            s.append('\n');
            notes.forEach(n -> s.append("- ").append(n).append('\n'));
        }
        return s.toString();
    }

    public synchronized String csv() {
        StringBuilder s = new StringBuilder("date,echelle,coeurs,memoire_mo,jdk,postgresql,scenario,titre,charge_avant,charge_apres,"
                + "indicateur,unite,produit,reference,valeur_reference,ratio,objectif,atteint\n");
        for (Passage p : passages) {
            List<Mesure> mesures = p.erreur() != null ? List.of() : p.mesures();
            for (Mesure m : mesures) {
                s.append(String.join(",", champ(machine.date().toOffsetDateTime().toString()), champ(machine.echelle()),
                        String.valueOf(machine.coeurs()), String.valueOf(machine.memoireMo()), champ(machine.jdk()),
                        champ(machine.postgresql()), champ(p.numero()), champ(p.titre()), brut(p.chargeAvant()), brut(p.chargeApres()),
                        champ(m.indicateur()), champ(m.unite()), brut(m.produit()), champ(m.reference() == null ? "" : m.reference()),
                        m.valeurReference() == null ? "" : brut(m.valeurReference()), m.ratio() == null ? "" : brut(m.ratio()),
                        champ(m.objectif() == null ? "" : m.objectif().libelle()),
                        m.atteint() == null ? "" : String.valueOf(m.atteint()))).append('\n');
            }
        }
        return s.toString();
    }

    /** Writes both files; returns the Markdown one. */
    public Path ecrire(Path dossier, PrintStream sortie) {
        try {
            Files.createDirectories(dossier);
            String horodatage = machine.date().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path md = dossier.resolve("banc-" + machine.echelle() + "-" + horodatage + ".md");
            Path csv = dossier.resolve("banc-" + machine.echelle() + "-" + horodatage + ".csv");
            Files.writeString(md, markdown(), StandardCharsets.UTF_8);
            Files.writeString(csv, csv(), StandardCharsets.UTF_8);
            Files.copy(md, dossier.resolve("dernier-" + machine.echelle() + ".md"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(csv, dossier.resolve("dernier-" + machine.echelle() + ".csv"), StandardCopyOption.REPLACE_EXISTING);
            sortie.println(markdown());
            sortie.println("Résultats : " + md.toAbsolutePath() + " et " + csv.toAbsolutePath());
            return md;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Three significant figures or so, decimal point. */
    static String nombre(double v) {
        double a = Math.abs(v);
        String f = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v).replace(',', ' ');
    }

    private static String brut(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String cellule(String texte) {
        return texte.replace("|", "\\|").replace("\n", " ");
    }

    private static String champ(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
