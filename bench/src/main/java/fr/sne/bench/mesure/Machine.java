package fr.sne.bench.mesure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** Where and when a run happened: what makes its figures comparable, or not. */
public record Machine(ZonedDateTime date, String echelle, int coeurs, String processeur, long memoireMo, String jdk,
                      double tasMaxMo, String postgresql, String systeme) {

    public static Machine decrire(Echelle echelle, BaseDeDonnees bd) {
        String postgresql;
        // the settings that move plans and their costs, as the product's sessions see them
        try (Connection c = bd.proprietaire(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT current_setting('server_version') || ' (shared_buffers ' || current_setting('shared_buffers')"
                        + " || ', random_page_cost ' || current_setting('random_page_cost')"
                        + " || ', fsync ' || current_setting('fsync') || ')'")) {
            rs.next();
            postgresql = rs.getString(1);
        } catch (SQLException e) {
            postgresql = "inconnue (" + e.getMessage() + ")";
        }
        return new Machine(ZonedDateTime.now(ZoneId.of("Europe/Paris")), echelle.nom(), Runtime.getRuntime().availableProcessors(),
                lireProcesseur(), lireMemoireMo(), Runtime.version() + " (" + System.getProperty("java.vendor") + ")", Tas.maximumMo(),
                postgresql, System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /** The 1-minute load average (Linux), or -1 elsewhere: other work on the machine skews absolute figures. */
    public static double charge() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String lireProcesseur() {
        try {
            List<String> lignes = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lignes.stream().filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse("inconnu");
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static long lireMemoireMo() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return Runtime.getRuntime().maxMemory() / 1048576;
    }
}
