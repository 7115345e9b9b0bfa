package fr.sne.core.saisie;

import fr.sne.core.demande.Chemins;
import fr.sne.core.demande.DemandeJson;
import fr.sne.tenants.web.Probleme;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds the CERFA pages' form fields to the application model. A field's name is its JSON path
 * ({@code demandeur.adresse.voie}, {@code personnesACharge[1].prenoms}), so the anomalies of
 * {@code ValidationDemande} land next to their field; monthly resources are one field per code
 * ({@code demandeur.ressourcesRecues.SAL}) and become the model's list of code and amount.
 */
@Singleton
class FormulaireCerfa {

    private static final Set<String> ENTIERS = Set.of("montant", "montantMoins1", "montantMoins2", "anneeMoins1", "anneeMoins2",
            "montantMensuelLoyer", "nombreHabitants", "surface", "etageMaximum", "loyerMaximum", "nombre", "nombrePersonnes");
    private static final Set<String> BOOLEENS = Set.of("etranger", "assiste", "proprietaire", "ascenseurIndispensable",
            "stationnement", "psychiqueOuMental");
    private static final Set<String> LISTES = Set.of("motifs", "logementRecherche.typesLogement", "logementRecherche.communesSouhaitees",
            "logementActuel.modelesLogement", "handicap.naturesMoteur", "handicap.naturesSensoriel", "handicap.aidesTechniques",
            "handicap.equipements", "priorite.categories");
    private static final Pattern RESSOURCE = Pattern.compile("(.*\\.ressources\\w+)\\.(\\w+)");
    private static final Pattern RESSOURCE_INDEXEE = Pattern.compile("(.*\\.ressources\\w+)\\[(\\d+)]\\.(code|montant)");
    private static final Pattern SEGMENT = Pattern.compile("(\\w+)(?:\\[(\\d{1,2})])?");
    private static final Pattern CHAMP = Pattern.compile("[\\w.\\[\\]]{1,120}");

    private final JsonMapper json;

    FormulaireCerfa(JsonMapper json) {
        this.json = json;
    }

    /** A form read: the content and the fields whose text could not even be read (not a number, not a date). */
    record Lecture(DemandeJson.Contenu contenu, Map<String, String> erreurs) {
    }

    /** The content as form fields: path → text. */
    Map<String, String> champs(DemandeJson.Contenu contenu) {
        Map<String, String> champs = new LinkedHashMap<>();
        try {
            champs.putAll(Chemins.aplatir(json.writeValueToTree(contenu)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // resources: [i].code / [i].montant → one field per code
        Map<String, String> resultat = new LinkedHashMap<>();
        Map<String, String> codes = new TreeMap<>();
        for (Map.Entry<String, String> e : champs.entrySet()) {
            Matcher m = RESSOURCE_INDEXEE.matcher(e.getKey());
            if (m.matches() && m.group(3).equals("code")) {
                codes.put(m.group(1) + "[" + m.group(2) + "]", e.getValue());
            }
        }
        for (Map.Entry<String, String> e : champs.entrySet()) {
            Matcher m = RESSOURCE_INDEXEE.matcher(e.getKey());
            if (!m.matches()) {
                resultat.put(e.getKey(), e.getValue());
            } else if (m.group(3).equals("montant")) {
                String code = codes.get(m.group(1) + "[" + m.group(2) + "]");
                if (code != null) {
                    resultat.put(m.group(1) + "." + code, e.getValue());
                }
            }
        }
        return resultat;
    }

    /**
     * Reads the posted fields of one tab into {@code base}: the tab's fields are replaced by what
     * was posted (an emptied field is removed), the other tabs' are kept.
     */
    Lecture lire(DemandeJson.Contenu base, Onglet onglet, Map<String, List<String>> formulaire) {
        Map<String, String> champs = new LinkedHashMap<>();
        champs(base).forEach((k, v) -> {
            if (!onglet.possede(k)) {
                champs.put(k, v);
            }
        });
        Map<String, String> erreurs = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : formulaire.entrySet()) {
            String nom = e.getKey();
            if (!CHAMP.matcher(nom).matches() || !onglet.possede(nom)) {
                continue;
            }
            List<String> valeurs = e.getValue().stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
            if (LISTES.contains(nom)) {
                for (int i = 0; i < valeurs.size() && i < 30; i++) {
                    champs.put(nom + "[" + i + "]", valeurs.get(i));
                }
            } else if (!valeurs.isEmpty()) {
                champs.put(nom, valeurs.getFirst());
            }
        }
        if (onglet == Onglet.CONJOINT) {
            // a co-holder ticked "retirer" or whose identity is emptied is removed, with their work
            // and resources typed in other tabs (e.g. after a separation), not left half-filled
            List<String> retires = formulaire.getOrDefault("retirerCotitulaire", List.of());
            for (int i = 0; i < base.cotitulairesOuVide().size(); i++) {
                String prefixe = "cotitulaires[" + i + "].";
                if (retires.contains(String.valueOf(i))
                        || champs.keySet().stream().noneMatch(k -> k.startsWith(prefixe) && onglet.possede(k))) {
                    champs.keySet().removeIf(k -> k.startsWith(prefixe));
                }
            }
        }
        return new Lecture(contenu(champs, erreurs), erreurs);
    }

    /** Anomalies keyed by form field (a resource's index becomes its code's field). */
    Map<String, String> erreurs(List<Probleme.Anomalie> anomalies, DemandeJson.Contenu contenu) {
        Map<String, String> parIndex = new LinkedHashMap<>();
        Map<String, String> champs = new LinkedHashMap<>();
        try {
            champs.putAll(Chemins.aplatir(json.writeValueToTree(contenu)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        champs.forEach((k, v) -> {
            Matcher m = RESSOURCE_INDEXEE.matcher(k);
            if (m.matches() && m.group(3).equals("code")) {
                parIndex.put(m.group(1) + "[" + m.group(2) + "]", m.group(1) + "." + v);
            }
        });
        Map<String, String> erreurs = new LinkedHashMap<>();
        for (Probleme.Anomalie a : anomalies) {
            String champ = a.champ();
            Matcher m = RESSOURCE_INDEXEE.matcher(champ);
            if (m.matches()) {
                champ = parIndex.getOrDefault(m.group(1) + "[" + m.group(2) + "]", champ);
            }
            // a list's element error is shown on the list's field
            String liste = champ.replaceFirst("\\[\\d+]$", "");
            if (LISTES.contains(liste)) {
                champ = liste;
            }
            erreurs.merge(champ, a.message(), (x, y) -> x + " " + y);
        }
        return erreurs;
    }

    private DemandeJson.Contenu contenu(Map<String, String> champs, Map<String, String> erreurs) {
        Map<String, Object> racine = new TreeMap<>();
        Map<String, Map<String, Integer>> ressources = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : champs.entrySet()) {
            String chemin = e.getKey();
            String valeur = e.getValue();
            Matcher r = RESSOURCE.matcher(chemin);
            if (r.matches()) {
                Integer montant = entier(valeur, chemin, erreurs);
                if (montant != null) {
                    ressources.computeIfAbsent(r.group(1), k -> new LinkedHashMap<>()).put(r.group(2), montant);
                }
                continue;
            }
            Object v = valeur(chemin, valeur, erreurs);
            if (v != null) {
                placer(racine, chemin, v);
            }
        }
        ressources.forEach((liste, montants) -> {
            int i = 0;
            for (Map.Entry<String, Integer> m : montants.entrySet()) {
                placer(racine, liste + "[" + i + "].code", m.getKey());
                placer(racine, liste + "[" + i + "].montant", m.getValue());
                i++;
            }
        });
        try {
            return json.readValueFromTree(noeud(racine), Argument.of(DemandeJson.Contenu.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object valeur(String chemin, String texte, Map<String, String> erreurs) {
        String feuille = chemin.substring(chemin.lastIndexOf('.') + 1).replaceFirst("\\[\\d+]$", "");
        if (ENTIERS.contains(feuille)) {
            return entier(texte, chemin, erreurs);
        }
        if (BOOLEENS.contains(feuille)) {
            return "true".equals(texte) || "oui".equals(texte);
        }
        if (feuille.startsWith("date")) {
            try {
                return LocalDate.parse(texte).toString();
            } catch (DateTimeParseException e) {
                erreurs.put(chemin, "Saisissez une date valide (jj/mm/aaaa).");
                return null;
            }
        }
        return texte.length() > 1000 ? texte.substring(0, 1000) : texte;
    }

    private static Integer entier(String texte, String chemin, Map<String, String> erreurs) {
        String t = texte.replace(" ", "").replace("\u00a0", "").replace("€", "");
        if (!t.matches("-?\\d{1,9}")) {
            erreurs.put(chemin, "Saisissez un nombre entier (sans centimes).");
            return null;
        }
        return Integer.parseInt(t);
    }

    /** Puts a value at a path such as {@code a.b[2].c} into nested maps (list indices become sorted map keys). */
    @SuppressWarnings("unchecked")
    private static void placer(Map<String, Object> racine, String chemin, Object valeur) {
        String[] segments = chemin.split("\\.");
        Map<String, Object> courant = racine;
        for (int i = 0; i < segments.length; i++) {
            Matcher m = SEGMENT.matcher(segments[i]);
            if (!m.matches()) {
                return;
            }
            boolean dernier = i == segments.length - 1;
            String nom = m.group(1);
            if (m.group(2) == null) {
                if (dernier) {
                    courant.put(nom, valeur);
                } else {
                    courant = (Map<String, Object>) courant.computeIfAbsent(nom, k -> new TreeMap<String, Object>());
                }
            } else {
                Map<Integer, Object> liste = (Map<Integer, Object>) courant.computeIfAbsent(nom + "[]", k -> new TreeMap<Integer, Object>());
                int index = Integer.parseInt(m.group(2));
                if (dernier) {
                    liste.put(index, valeur);
                } else {
                    courant = (Map<String, Object>) liste.computeIfAbsent(index, k -> new TreeMap<String, Object>());
                }
            }
        }
    }

    /** Nested maps → JSON tree; lists are compacted (an element left entirely empty disappears). */
    @SuppressWarnings("unchecked")
    private static JsonNode noeud(Object valeur) {
        return switch (valeur) {
            case Integer n -> JsonNode.createNumberNode(n);
            case Boolean b -> JsonNode.createBooleanNode(b);
            case String s -> JsonNode.createStringNode(s);
            case Map<?, ?> map -> {
                Map<String, JsonNode> objet = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String cle = (String) e.getKey();
                    if (cle.endsWith("[]")) {
                        List<JsonNode> elements = new ArrayList<>();
                        ((Map<Integer, Object>) e.getValue()).values().forEach(v -> elements.add(noeud(v)));
                        objet.put(cle.substring(0, cle.length() - 2), JsonNode.createArrayNode(elements));
                    } else {
                        objet.put(cle, noeud(e.getValue()));
                    }
                }
                yield JsonNode.createObjectNode(objet);
            }
            default -> JsonNode.nullNode();
        };
    }
}
