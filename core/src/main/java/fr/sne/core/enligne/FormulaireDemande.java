package fr.sne.core.enligne;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.referentiel.ListesCodes;
import fr.sne.tenants.geographie.Commune;
import fr.sne.tenants.geographie.Geographie;
import fr.sne.tenants.geographie.GeographieImport;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The online form, step by step: the values a step's fields show for a content, and the content
 * a submitted step makes (the step's fields replaced, everything else kept). Form fields are
 * named by their JSON path in the content, so that the register's anomalies, which name the
 * same paths, land next to their field. Reads the geography: runs inside a transaction.
 */
@Singleton
class FormulaireDemande {

    private static final int TEXTE_MAX = 1000;
    /** The checkbox of a row that removes it: {@code personnesACharge[1].retirer}. */
    static final String RETIRER = "retirer";
    private static final Pattern CODE_INSEE = Pattern.compile("[0-9][0-9AB][0-9]{3}");
    private static final Pattern CODE_ENTRE_PARENTHESES = Pattern.compile(".*\\(([0-9][0-9ABab][0-9]{3})\\)\\s*");
    private static final Pattern ENTIER = Pattern.compile("[0-9]{1,9}");
    private static final DateTimeFormatter DATE_FRANCAISE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** What a step's form shows: values by field name, rows to draw and rows held, by list. */
    record Vue(Map<String, String> valeurs, Map<String, Integer> lignes, Map<String, Integer> nombres) {
    }

    /** A step as submitted: the new content; the values that could not be read (message, and the text typed). */
    record Lecture(DemandeJson.Contenu contenu, Map<String, String> erreurs, Map<String, String> saisies) {
    }

    private final JsonMapper json;
    private final Geographie geographie;
    private final ListesCodes codes;

    FormulaireDemande(JsonMapper json, Geographie geographie, ListesCodes codes) {
        this.json = json;
        this.geographie = geographie;
        this.codes = codes;
    }

    Vue vue(Etape etape, DemandeJson.Contenu contenu) {
        Map<String, Object> arbre = arbre(contenu);
        Map<String, String> valeurs = new HashMap<>();
        Map<String, Integer> nombres = new HashMap<>();
        nombres.put("cotitulaires", contenu.cotitulairesOuVide().size());
        for (Champ champ : Champ.PAR_ETAPE.get(etape)) {
            String liste = champ.lignes();
            if (liste == null) {
                afficher(champ, champ.chemin(), Arbre.lire(arbre, champ.chemin()), valeurs);
                continue;
            }
            List<?> lignes = Arbre.lire(arbre, liste) instanceof List<?> l ? l : List.of();
            nombres.put(liste, lignes.size());
            String dans = champ.dansLaLigne();
            for (int k = 0; k < lignes.size(); k++) {
                Object ligne = lignes.get(k);
                Object valeur = dans.isEmpty() ? ligne : ligne instanceof Map<?, ?> ? Arbre.lire(objet(ligne), dans) : null;
                afficher(champ, liste + "[" + k + "]" + (dans.isEmpty() ? "" : "." + dans), valeur, valeurs);
            }
        }
        Map<String, Integer> lignes = new HashMap<>();
        // every row held, plus an empty one to add another, within the list's limits
        nombres.forEach((liste, n) -> lignes.put(liste, Math.min(Math.max(n + 1, Champ.minimum(liste)), Champ.maximum(liste))));
        return new Vue(valeurs, lignes, nombres);
    }

    private void afficher(Champ champ, String nom, Object valeur, Map<String, String> valeurs) {
        if (valeur == null) {
            return;
        }
        switch (champ.type()) {
            case CODES -> {
                if (valeur instanceof List<?> liste) {
                    liste.forEach(code -> valeurs.put(nom + "." + code, "true"));
                }
            }
            case CODE_EN_LISTE -> {
                if (valeur instanceof List<?> liste && !liste.isEmpty()) {
                    valeurs.put(nom, String.valueOf(liste.getFirst()));
                }
            }
            case BOOLEEN -> {
                if (Boolean.TRUE.equals(valeur)) {
                    valeurs.put(nom, "true");
                }
            }
            case PRESENCE -> valeurs.put(nom, "true");
            case COMMUNE -> valeurs.put(nom, libelleCommune(String.valueOf(valeur)));
            default -> valeurs.put(nom, String.valueOf(valeur));
        }
    }

    /** "Grenoble (38185)" for a known code, the text itself otherwise. */
    String libelleCommune(String code) {
        Optional<Commune> commune = code.length() == 5 ? geographie.commune(code) : Optional.empty();
        return commune.map(c -> c.nom() + " (" + c.code() + ")").orElse(code);
    }

    Lecture lire(Etape etape, DemandeJson.Contenu avant, Map<String, String> form) {
        Map<String, Object> arbre = arbre(avant);
        if (etape == Etape.IDENTITE && Arbre.lire(arbre, "demandeur") == null) {
            // the applicant exists once their step is sent, empty or not: the register then names each missing field
            arbre.put("demandeur", new LinkedHashMap<String, Object>());
        }
        Lecteur lecteur = new Lecteur(form);
        List<Champ> champs = Champ.PAR_ETAPE.get(etape);
        Set<String> absents = new LinkedHashSet<>();
        Map<String, List<Champ>> listes = new LinkedHashMap<>();
        for (Champ champ : champs) {
            if (absents.stream().anyMatch(a -> champ.chemin().startsWith(a + "."))) {
                continue;
            }
            if (champ.type() == Champ.Type.PRESENCE) {
                if (lecteur.coche(champ.chemin())) {
                    if (Arbre.lire(arbre, champ.chemin()) == null) {
                        Arbre.ecrire(arbre, champ.chemin(), new LinkedHashMap<String, Object>());
                    }
                } else {
                    Arbre.ecrire(arbre, champ.chemin(), null);
                    absents.add(champ.chemin());
                }
            } else if (champ.lignes() != null) {
                listes.computeIfAbsent(champ.lignes(), l -> new ArrayList<>()).add(champ);
            } else if (lecteur.present(champ, champ.chemin())) {
                Arbre.ecrire(arbre, champ.chemin(), lecteur.valeur(champ, champ.chemin(), champ.chemin()));
            }
        }
        listes.forEach((liste, champsDeLaLigne) -> lireLignes(arbre, liste, champsDeLaLigne, lecteur));
        return new Lecture(contenu(arbre), lecteur.erreurs, lecteur.saisies);
    }

    /**
     * Rebuilds a list from the rows of the form: row {@code i} of the form is row {@code i} of the
     * content it was drawn from (its other parts are kept), empty rows are dropped, and the rows
     * left are numbered again from 0 — anomalies and errors use those new numbers.
     */
    private void lireLignes(Map<String, Object> arbre, String liste, List<Champ> champs, Lecteur lecteur) {
        Pattern ligne = Pattern.compile(Pattern.quote(liste) + "\\[(\\d{1,4})](\\..*)?");
        Set<Integer> indices = new TreeSet<>();
        for (String nom : lecteur.form.keySet()) {
            Matcher m = ligne.matcher(nom);
            if (m.matches()) {
                indices.add(Integer.parseInt(m.group(1)));
            }
        }
        // the form did not draw this list (e.g. a co-holder's resources without a co-holder)
        if (indices.isEmpty() || !Arbre.accessible(arbre, liste)) {
            return;
        }
        List<?> anciennes = Arbre.lire(arbre, liste) instanceof List<?> l ? l : List.of();
        List<Object> nouvelles = new ArrayList<>();
        for (int i : indices) {
            int j = nouvelles.size();
            if (j == Champ.maximum(liste)) {
                lecteur.erreur(liste, null, "Au plus " + Champ.maximum(liste) + " lignes.");
                break;
            }
            if (champs.getFirst().dansLaLigne().isEmpty()) {
                Object valeur = lecteur.valeur(champs.getFirst(), liste + "[" + i + "]", liste + "[" + j + "]");
                if (valeur != null) {
                    nouvelles.add(valeur);
                }
                continue;
            }
            // a person's row is removed with its "Retirer" box (radio buttons cannot be cleared)
            if (lecteur.coche(liste + "[" + i + "]." + RETIRER)) {
                continue;
            }
            Map<String, Object> base = i < anciennes.size() && anciennes.get(i) instanceof Map<?, ?> m
                    ? Arbre.copie(objet(m)) : new LinkedHashMap<>();
            boolean vide = true;
            for (Champ champ : champs) {
                String dans = champ.dansLaLigne();
                String nom = liste + "[" + i + "]." + dans;
                if (!lecteur.present(champ, nom)) {
                    continue;
                }
                Object valeur = lecteur.valeur(champ, nom, liste + "[" + j + "]." + dans);
                vide &= valeur == null && !lecteur.erreurs.containsKey(liste + "[" + j + "]." + dans);
                Arbre.ecrire(base, dans, valeur);
            }
            if (!vide) {
                nouvelles.add(base);
            }
        }
        Arbre.ecrire(arbre, liste, nouvelles.isEmpty() ? null : nouvelles);
    }

    /** Reads typed values from a submitted form; what cannot be read is an error, with the text kept. */
    private final class Lecteur {

        private final Map<String, String> form;
        private final Map<String, String> erreurs = new LinkedHashMap<>();
        private final Map<String, String> saisies = new HashMap<>();

        Lecteur(Map<String, String> form) {
            this.form = form;
        }

        boolean coche(String nom) {
            String v = form.get(nom);
            return v != null && !v.isBlank() && !"false".equals(v);
        }

        /** Text fields absent from the form are left as they are; an absent checkbox is unticked. */
        boolean present(Champ champ, String nom) {
            return switch (champ.type()) {
                case BOOLEEN, CODES, PRESENCE -> true;
                default -> form.containsKey(nom);
            };
        }

        void erreur(String champ, String saisie, String message) {
            erreurs.putIfAbsent(champ, message);
            if (saisie != null) {
                saisies.put(champ, saisie);
            }
        }

        /** The typed value of field {@code nom} of the form, for content path {@code champ}; null when empty or unreadable. */
        Object valeur(Champ c, String nom, String champ) {
            String saisie = form.get(nom);
            String texte = saisie == null || saisie.isBlank() ? null : saisie.strip();
            if (texte != null && texte.length() > TEXTE_MAX) {
                erreur(champ, null, "Au plus 1 000 caractères.");
                return null;
            }
            return switch (c.type()) {
                case TEXTE, CODE -> texte;
                case CODE_EN_LISTE -> texte == null ? null : List.of(texte);
                case BOOLEEN -> coche(nom) ? Boolean.TRUE : null;
                case CODES -> {
                    List<String> coches = codes.liste(c.liste()).keySet().stream().filter(code -> coche(nom + "." + code)).toList();
                    yield coches.isEmpty() ? null : coches;
                }
                case DATE -> texte == null ? null : date(texte, champ);
                case ENTIER -> texte == null ? null : entier(texte, champ);
                case COMMUNE -> texte == null ? null : commune(texte, champ, codePostal(nom));
                case PRESENCE -> null;
            };
        }

        private String date(String texte, String champ) {
            try {
                return (texte.contains("/") ? LocalDate.parse(texte, DATE_FRANCAISE) : LocalDate.parse(texte)).toString();
            } catch (DateTimeParseException e) {
                erreur(champ, texte, "Date invalide : indiquez-la au format JJ/MM/AAAA (par exemple 14/07/1985).");
                return null;
            }
        }

        private Integer entier(String texte, String champ) {
            String chiffres = texte.replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
            if (!ENTIER.matcher(chiffres).matches()) {
                erreur(champ, texte, "Indiquez un nombre entier, sans virgule ni symbole (par exemple 1200).");
                return null;
            }
            return Integer.parseInt(chiffres);
        }

        /** The postal code typed next to a commune field (same parent), to tell communes of the same name apart. */
        private String codePostal(String nom) {
            int point = nom.lastIndexOf('.');
            return point < 0 ? null : Optional.ofNullable(form.get(nom.substring(0, point) + ".codePostal"))
                    .map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        }

        /**
         * An INSEE code, typed as such, as shown ("Grenoble (38185)") or as a name. A name that is
         * unknown or shared by several communes stays as typed (the register's check flags it)
         * with an error listing the candidates.
         */
        private String commune(String texte, String champ, String codePostal) {
            Matcher entre = CODE_ENTRE_PARENTHESES.matcher(texte);
            if (entre.matches()) {
                return entre.group(1).toUpperCase(java.util.Locale.ROOT);
            }
            if (CODE_INSEE.matcher(texte.toUpperCase(java.util.Locale.ROOT)).matches()) {
                return texte.toUpperCase(java.util.Locale.ROOT);
            }
            String cle = GeographieImport.nomRecherche(texte);
            List<Commune> candidates = geographie.rechercher(texte, 20);
            List<Commune> memeNom = candidates.stream().filter(c -> GeographieImport.nomRecherche(c.nom()).equals(cle)).toList();
            List<Commune> retenues = memeNom.isEmpty() ? candidates : memeNom;
            if (codePostal != null) {
                List<Commune> auCodePostal = retenues.stream().filter(c -> c.codesPostaux().contains(codePostal)).toList();
                retenues = auCodePostal.isEmpty() ? retenues : auCodePostal;
            }
            if (!memeNom.isEmpty() && retenues.size() == 1) {
                return retenues.getFirst().code();
            }
            if (retenues.isEmpty()) {
                erreur(champ, texte, "Aucune commune ne s’appelle « " + court(texte) + " » : vérifiez l’orthographe "
                        + "ou indiquez son code INSEE (5 caractères, par exemple 38185 pour Grenoble).");
            } else {
                String liste = retenues.stream().limit(5).map(c -> c.nom() + " (" + c.code() + ")").collect(Collectors.joining(", "));
                erreur(champ, texte, (memeNom.isEmpty() ? "Commune introuvable. Vouliez-vous dire : " : "Plusieurs communes portent ce nom : ")
                        + liste + " ? Saisissez la commune avec son code, par exemple « " + retenues.getFirst().nom() + " ("
                        + retenues.getFirst().code() + ") ».");
            }
            return texte;
        }
    }

    private static String court(String texte) {
        return texte.length() > 40 ? texte.substring(0, 40) + "…" : texte;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objet(Object map) {
        return (Map<String, Object>) map;
    }

    Map<String, Object> arbre(DemandeJson.Contenu contenu) {
        try {
            Map<String, Object> lu = json.readValue(json.writeValueAsBytes(contenu), Argument.mapOf(String.class, Object.class));
            return Arbre.copie(lu == null ? Map.of() : lu);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DemandeJson.Contenu contenu(Map<String, Object> arbre) {
        try {
            return json.readValue(json.writeValueAsBytes(arbre), Argument.of(DemandeJson.Contenu.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
