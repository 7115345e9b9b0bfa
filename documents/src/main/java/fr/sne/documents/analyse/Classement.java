package fr.sne.documents.analyse;

import fr.sne.documents.catalogue.TypePiece;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Suggests a document type from its text with reliable phrases only. Each type has strong
 * phrases (2 points: the document names itself, or its machine-readable zone) and weak ones (1
 * point). The best type needs 2 points and a strict lead over the next one; otherwise no guess.
 */
final class Classement {

    private record Indice(Pattern motif, int poids, boolean brut) {
    }

    private static final Map<TypePiece, List<Indice>> REGLES = regles();

    private static Map<TypePiece, List<Indice>> regles() {
        Map<TypePiece, List<Indice>> regles = new EnumMap<>(TypePiece.class);
        regle(regles, TypePiece.AVIS_IMPOSITION,
                forts("avis d'impot", "avis de situation declarative", "impot sur le revenu", "impot sur les revenus",
                        "revenu fiscal de reference"),
                faibles("direction generale des finances publiques", "nombre de parts", "revenu brut global",
                        "impots\\.gouv\\.fr", "revenus declares"));
        regle(regles, TypePiece.BULLETIN_SALAIRE,
                forts("bulletin de paie", "bulletin de salaire", "net a payer", "salaire brut"),
                faibles("cotisations salariales", "net imposable", "convention collective", "heures supplementaires",
                        "conges payes", "salaire de base"));
        regle(regles, TypePiece.CARTE_IDENTITE,
                List.of(new Indice(Pattern.compile("carte nationale d'identite"), 2, false),
                        new Indice(Pattern.compile("IDFRA"), 2, true)),
                faibles("republique francaise", "identity card", "nationalite francaise"));
        regle(regles, TypePiece.PASSEPORT,
                List.of(new Indice(Pattern.compile("\\bpasseport\\b"), 2, false),
                        new Indice(Pattern.compile("P<FRA"), 2, true)),
                faibles("republique francaise", "\\bpassport\\b"));
        regle(regles, TypePiece.TITRE_SEJOUR,
                List.of(new Indice(Pattern.compile("titre de sejour"), 2, false),
                        new Indice(Pattern.compile("carte de sejour"), 2, false),
                        new Indice(Pattern.compile("carte de resident"), 2, false),
                        new Indice(Pattern.compile("residence permit"), 2, false),
                        new Indice(Pattern.compile("IRFRA"), 2, true)),
                faibles("prefecture"));
        regle(regles, TypePiece.RECEPISSE_TITRE_SEJOUR,
                forts("\\brecepisse\\b", "recepisse de (premiere )?demande", "recepisse de (demande de )?renouvellement"),
                faibles("titre de sejour", "carte de sejour", "prefecture"));
        regle(regles, TypePiece.QUITTANCE_LOYER,
                forts("quittance de loyer", "quittance de loyers"),
                faibles("\\bquittance\\b", "pour solde de tout compte", "periode de location"));
        regle(regles, TypePiece.BAIL,
                forts("contrat de location", "contrat de bail", "bail d'habitation", "bail a usage d'habitation"),
                faibles("depot de garantie", "etat des lieux", "duree du contrat"));
        regle(regles, TypePiece.ATTESTATION_CAF,
                forts("caisse d'allocations familiales", "mutualite sociale agricole"),
                faibles("\\bcaf\\b", "\\bmsa\\b", "attestation de paiement", "prestations familiales",
                        "aide personnalisee au logement", "quotient familial", "prime d'activite"));
        regle(regles, TypePiece.ATTESTATION_FRANCE_TRAVAIL,
                forts("france travail", "pole emploi"),
                faibles("attestation de paiement", "aide au retour a l'emploi", "demandeur d'emploi", "\\bare\\b"));
        regle(regles, TypePiece.PENSION_RETRAITE,
                forts("pension de retraite", "assurance retraite", "caisse nationale d'assurance vieillesse",
                        "retraite complementaire", "agirc-arrco", "titre de pension", "pension d'invalidite"),
                faibles("\\bretraite\\b", "\\bpension\\b"));
        regle(regles, TypePiece.CONTRAT_TRAVAIL,
                forts("contrat de travail", "contrat a duree indeterminee", "contrat a duree determinee"),
                faibles("periode d'essai", "l'employeur", "le salarie"));
        regle(regles, TypePiece.LIVRET_FAMILLE,
                forts("livret de famille"),
                faibles("acte de mariage"));
        regle(regles, TypePiece.ACTE_NAISSANCE,
                forts("acte de naissance"),
                faibles("officier de l'etat civil", "copie integrale"));
        regle(regles, TypePiece.JUGEMENT_DIVORCE,
                forts("jugement de divorce", "prononce le divorce", "divorce par consentement mutuel",
                        "ordonnance de non-conciliation", "convention de divorce"),
                faibles("juge aux affaires familiales", "tribunal judiciaire"));
        regle(regles, TypePiece.CERTIFICAT_GROSSESSE,
                forts("certificat de grossesse", "declaration de grossesse", "attestation de grossesse", "\\bgrossesse\\b"),
                faibles("date presumee", "\\benceinte\\b", "amenorrhee"));
        regle(regles, TypePiece.ATTESTATION_HEBERGEMENT,
                forts("attestation d'hebergement", "certifie heberger", "atteste heberger"),
                faibles("\\bheberge", "a titre gratuit"));
        regle(regles, TypePiece.JUGEMENT_EXPULSION,
                forts("\\bexpulsion\\b", "commandement de quitter les lieux"),
                faibles("commissaire de justice", "huissier", "resiliation du bail"));
        regle(regles, TypePiece.PLAINTE_VIOLENCES,
                forts("ordonnance de protection", "violences conjugales", "depot de plainte", "proces-verbal de plainte"),
                faibles("\\bviolences\\b", "\\bplainte\\b", "gendarmerie", "commissariat"));
        regle(regles, TypePiece.CERTIFICAT_MEDICAL,
                forts("certificat medical"),
                faibles("\\bmedecin\\b", "\\bdocteur\\b"));
        regle(regles, TypePiece.CARTE_MOBILITE_INCLUSION,
                forts("carte mobilite inclusion", "maison departementale des personnes handicapees", "\\bmdph\\b",
                        "taux d'incapacite"),
                faibles("\\bhandicap"));
        regle(regles, TypePiece.CARTE_ETUDIANT,
                forts("carte d'etudiant", "carte etudiante", "student card"),
                faibles("annee universitaire", "\\buniversite\\b"));
        return Collections.unmodifiableMap(regles);
    }

    private Classement() {
    }

    private static void regle(Map<TypePiece, List<Indice>> regles, TypePiece type, List<Indice> forts, List<Indice> faibles) {
        List<Indice> indices = new ArrayList<>(forts);
        indices.addAll(faibles);
        regles.put(type, List.copyOf(indices));
    }

    private static List<Indice> forts(String... motifs) {
        return indices(2, motifs);
    }

    private static List<Indice> faibles(String... motifs) {
        return indices(1, motifs);
    }

    private static List<Indice> indices(int poids, String... motifs) {
        List<Indice> indices = new ArrayList<>();
        for (String motif : motifs) {
            indices.add(new Indice(Pattern.compile(motif), poids, false));
        }
        return indices;
    }

    /**
     * @param normalise the text as {@link Textes#normaliser} gives it
     * @param brut      the text as extracted (machine-readable zones are case sensitive)
     * @return the suggested type, or null when nothing or several types are likely
     */
    static TypePiece suggerer(String normalise, String brut) {
        TypePiece meilleur = null;
        int meilleurScore = 0;
        int second = 0;
        for (Map.Entry<TypePiece, List<Indice>> regle : REGLES.entrySet()) {
            int score = 0;
            for (Indice indice : regle.getValue()) {
                if (indice.motif().matcher(indice.brut() ? brut : normalise).find()) {
                    score += indice.poids();
                }
            }
            if (score > meilleurScore) {
                second = meilleurScore;
                meilleurScore = score;
                meilleur = regle.getKey();
            } else if (score > second) {
                second = score;
            }
        }
        return meilleurScore >= 2 && meilleurScore > second ? meilleur : null;
    }
}
