package fr.sne.bench.simulateur;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The vendor's local copy of a territory: each application's interfaceNuu document, without the
 * file header's date (the only part that changes from one reading to the next).
 */
final class CopieLocale {

    private static final Pattern FICHIER_DEMANDE = Pattern.compile("(?:^|/)([0-9]{3}[0-9]{4}[0-9]{6}[0-9A-Z]{5})\\.xml$");
    private static final Pattern DATE_FICHIER = Pattern.compile("<([\\w]+:)?dateFichier>[^<]*</([\\w]+:)?dateFichier>");

    private final Map<String, String> demandes = new ConcurrentHashMap<>();

    int taille() {
        return demandes.size();
    }

    void mettre(String numero, String xml) {
        if (xml == null) {
            demandes.remove(numero);
        } else {
            demandes.put(numero, normaliser(xml));
        }
    }

    static String normaliser(String xml) {
        return DATE_FICHIER.matcher(xml).replaceAll("").strip();
    }

    /**
     * Loads an export's tar.gz: every {@code <numero>.xml} entry is an application; the other
     * entity kinds' files are not part of this copy. Reads the stream once, in bounded memory per entry.
     */
    static CopieLocale depuisExport(InputStream targz) {
        CopieLocale copie = new CopieLocale();
        try (InputStream in = new GZIPInputStream(targz, 64 * 1024)) {
            byte[] entete = new byte[512];
            while (in.readNBytes(entete, 0, 512) == 512) {
                String nom = texte(entete, 0, 100);
                if (nom.isEmpty()) {
                    break; // the two zero blocks that end an archive
                }
                String prefixe = texte(entete, 345, 155);
                if (!prefixe.isEmpty()) {
                    nom = prefixe + "/" + nom;
                }
                long taille = Long.parseLong(texte(entete, 124, 12).isEmpty() ? "0" : texte(entete, 124, 12), 8);
                byte[] contenu = in.readNBytes((int) taille);
                in.skipNBytes((512 - taille % 512) % 512);
                Matcher m = FICHIER_DEMANDE.matcher(nom);
                if (entete[156] != '5' && m.find()) {
                    copie.mettre(m.group(1), new String(contenu, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copie;
    }

    private static String texte(byte[] b, int debut, int longueur) {
        int fin = debut;
        while (fin < debut + longueur && b[fin] != 0) {
            fin++;
        }
        return new String(b, debut, fin - debut, StandardCharsets.US_ASCII).strip();
    }

    /** What differs from {@code serveur}: numbers missing here, extra here, and with another content. */
    Ecarts comparer(CopieLocale serveur) {
        TreeSet<String> manquantes = new TreeSet<>(serveur.demandes.keySet());
        manquantes.removeAll(demandes.keySet());
        TreeSet<String> enTrop = new TreeSet<>(demandes.keySet());
        enTrop.removeAll(serveur.demandes.keySet());
        TreeSet<String> differentes = new TreeSet<>();
        new TreeMap<>(demandes).forEach((n, xml) -> {
            String la = serveur.demandes.get(n);
            if (la != null && !la.equals(xml)) {
                differentes.add(n);
            }
        });
        return new Ecarts(manquantes, enTrop, differentes);
    }

    record Ecarts(TreeSet<String> manquantes, TreeSet<String> enTrop, TreeSet<String> differentes) {
        boolean aucun() {
            return manquantes.isEmpty() && enTrop.isEmpty() && differentes.isEmpty();
        }

        @Override
        public String toString() {
            return "manquantes " + manquantes + ", en trop " + enTrop + ", différentes " + differentes;
        }
    }
}
