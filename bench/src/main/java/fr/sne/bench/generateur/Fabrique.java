package fr.sne.bench.generateur;

import fr.sne.core.demande.Cles;
import fr.sne.core.numero.NumeroUnique;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes the n-th synthetic application of a seed: a pure function of (seed, n, today, geography,
 * starting counters), so the same seed gives the same data. Rates are rough national orders of
 * magnitude (SNE statistics): a third single persons, most applications under two years old.
 */
final class Fabrique {

    /** One application and what goes with it, ready to be written. */
    record Ligne(String territoire, String numero, String guichet, String etat, LocalDate depot,
                 LocalDate dernierRenouvellement, LocalDate prochainRenouvellement, String nom, String prenoms,
                 LocalDate naissance, List<String> communes, String document, int taille, Integer revenuFiscal,
                 int ressources, List<String> types, String statutDalo, boolean prioritaire, boolean handicap,
                 List<Evenement> evenements, Radiation radiation) {
    }

    record Evenement(String code, LocalDate date, String guichet, String commentaire) {
    }

    /** A radiation in force: RADREN (missed renewal), RADABA (renunciation) or RADATT (attribution). */
    record Radiation(String motif, LocalDate date, LocalDate echeance, String guichet) {
    }

    private static final String[] NOMS = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
            "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier",
            "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André",
            "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
            "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand",
            "Duval", "Denis", "Dumont", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud",
            "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard", "Roche", "Renard",
            "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud",
            "Dumas", "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland",
            "Ben Ali", "N'Diaye", "Nguyen", "Traoré", "Haddad", "Da Silva", "Ferreira", "Diallo", "Belkacem", "Kaya"};
    private static final String[] PRENOMS_F = {"Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Martine", "Christine",
            "Françoise", "Sandrine", "Julie", "Camille", "Léa", "Manon", "Emma", "Chloé", "Inès", "Fatima", "Yasmine",
            "Sofia", "Amina", "Aïcha", "Anne-Laure", "Océane", "Sarah"};
    private static final String[] PRENOMS_M = {"Jean", "Pierre", "Michel", "Philippe", "Nicolas", "Christophe", "Stéphane",
            "Laurent", "Patrick", "David", "Lucas", "Hugo", "Louis", "Nathan", "Mohamed", "Karim", "Ali", "Omar",
            "Jean-Pierre", "Thierry", "Mamadou", "Kevin", "Julien", "Yanis"};
    // INSEE labels (COG), as the register checks them
    private static final String[] PAYS_HORS_UE = {"Algérie", "Maroc", "Tunisie", "Turquie", "Sénégal", "Mali"};
    // household size 1..6: about 45 %, 22 %, 14 %, 10 %, 6 %, 3 %
    private static final long[] TAILLES = {45, 67, 81, 91, 97, 100};
    private static final String[] VOIES = {"rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "place de la Mairie",
            "chemin des Écoles", "rue Pasteur", "boulevard Gambetta", "allée des Tilleuls", "rue du Stade", "impasse des Lilas"};
    // most frequent reasons first: 01 no housing, 11 too small, 10 too expensive, 09 divorce...
    private static final String[] MOTIFS = {"01", "11", "10", "09", "03", "12", "04", "07", "13", "06", "05", "14", "08", "02"};
    private static final long[] POIDS_MOTIFS = {20, 38, 52, 62, 69, 75, 80, 84, 88, 91, 94, 97, 99, 100};

    private final Referentiel referentiel;
    private final long graine;
    private final LocalDate aujourdhui;
    private final Map<String, Integer> compteurs;
    private final boolean duJour;

    /** {@code compteurs}: last sequence already issued per territory + MMYY (the numbering table's). */
    Fabrique(Referentiel referentiel, long graine, LocalDate aujourdhui, Map<String, Integer> compteurs) {
        this(referentiel, graine, aujourdhui, compteurs, false);
    }

    /** {@code duJour}: every application filed today (new registrations, whose tax years must be recent). */
    Fabrique(Referentiel referentiel, long graine, LocalDate aujourdhui, Map<String, Integer> compteurs, boolean duJour) {
        this.referentiel = referentiel;
        this.graine = graine;
        this.aujourdhui = aujourdhui;
        this.compteurs = new HashMap<>(compteurs);
        this.duJour = duJour;
    }

    /** Last sequences issued so far, per territory + MMYY (to bump the product's counters). */
    Map<String, Integer> compteurs() {
        return Map.copyOf(compteurs);
    }

    Ligne ligne(long n) {
        SplittableRandom r = new SplittableRandom(graine * 0x9E3779B97F4A7C15L + n);
        Referentiel.Territoire t = referentiel.territoire(r);
        Referentiel.Commune actuelle = t.commune(r);
        // seniority: exponential, mean ~13 months (83 % under two years), long tail up to ten years
        long anciennete = Math.min(3650, (long) (-Math.log(1 - r.nextDouble()) * 400));
        long age = duJour ? 0 : anciennete;
        LocalDate depot = aujourdhui.minusDays(age);
        String guichet = t.guichets().get(r.nextInt(t.guichets().size()));
        String mois = NumeroUnique.mois(depot);
        int sequence = compteurs.merge(t.code() + mois, 1, Integer::sum);
        String numero = new NumeroUnique(t.code(), mois, sequence, guichet).toString();

        int taille = 1 + Referentiel.indice(TAILLES, r);
        boolean femme = r.nextInt(100) < 62;
        String nom = NOMS[r.nextInt(NOMS.length)];
        String prenom = femme ? PRENOMS_F[r.nextInt(PRENOMS_F.length)] : PRENOMS_M[r.nextInt(PRENOMS_M.length)];
        LocalDate naissance = depot.minusYears(18 + Math.min(70, (long) (-Math.log(1 - r.nextDouble()) * 16))).minusDays(r.nextInt(365));
        boolean cotitulaire = taille >= 2 && r.nextInt(100) < 45;
        int aCharge = taille - 1 - (cotitulaire ? 1 : 0);

        String nationalite = r.nextInt(100) < 82 ? "1" : r.nextInt(2) == 0 ? "2" : "3";
        Json j = new Json();
        j.objet().cle("demandeur").objet()
                .champ("civilite", femme ? "2" : "1").champ("nomNaissance", nom).champ("prenoms", prenom)
                .champ("dateNaissance", naissance.toString()).champ("nationalite", nationalite);
        if ("3".equals(nationalite)) {
            // outside the EU the country is required; taken from n, not from r, so the other draws stay as they were
            j.champ("paysNationalite", PAYS_HORS_UE[(int) (n % PAYS_HORS_UE.length)]);
        }
        j
                .champ("situationFamiliale", cotitulaire ? (r.nextBoolean() ? "M" : "U") : (aCharge > 0 ? (r.nextBoolean() ? "D" : "S") : "C"))
                .champ("mel", Cles.cle(prenom) + "." + Cles.cle(nom) + n + "@example.org")
                .champ("telPortable", String.format("06%08d", r.nextInt(100_000_000)))
                .cle("adresse").objet().champ("numero", String.valueOf(1 + r.nextInt(120)))
                .champ("voie", VOIES[r.nextInt(VOIES.length)]).champ("codePostal", actuelle.codePostal())
                .champ("communeInsee", actuelle.code()).fin();
        int ressources = 0;
        Integer rfr = null;
        // resources: a third on minimum benefits, the others a salary or a pension
        int tirage = r.nextInt(100);
        String codeRessource = tirage < 30 ? "RSA" : tirage < 45 ? "RET" : tirage < 55 ? "CHO" : tirage < 62 ? "AAH" : "SAL";
        int montant = switch (codeRessource) {
            case "RSA" -> 550 + r.nextInt(250);
            case "AAH" -> 900 + r.nextInt(100);
            case "CHO" -> 700 + r.nextInt(800);
            case "RET" -> 800 + r.nextInt(1000);
            default -> 900 + r.nextInt(1600);
        };
        ressources += montant;
        j.cle("ressourcesRecues").tableau().objet().champ("code", codeRessource).champ("montant", montant).fin();
        if (aCharge > 0 && r.nextInt(100) < 70) {
            int af = aCharge >= 2 ? 140 * (aCharge - 1) : 0;
            if (af > 0) {
                j.objet().champ("code", "AF").champ("montant", af).fin();
                ressources += af;
            }
        }
        j.fin();
        if (r.nextInt(100) < 85) {
            int annee = depot.getYear();
            rfr = Math.max(0, montant * 12 - 2000 + r.nextInt(3000));
            j.cle("revenuFiscal").objet().champ("anneeMoins1", annee - 1).champ("montantMoins1", rfr + r.nextInt(1000))
                    .champ("anneeMoins2", annee - 2).champ("montantMoins2", rfr).fin();
        }
        j.fin();
        if (cotitulaire) {
            String prenomCo = femme ? PRENOMS_M[r.nextInt(PRENOMS_M.length)] : PRENOMS_F[r.nextInt(PRENOMS_F.length)];
            int montantCo = r.nextInt(100) < 40 ? 0 : 900 + r.nextInt(1500);
            j.cle("cotitulaires").tableau().objet().champ("civilite", femme ? "1" : "2")
                    .champ("nomNaissance", NOMS[r.nextInt(NOMS.length)]).champ("prenoms", prenomCo)
                    .champ("dateNaissance", naissance.plusDays(r.nextInt(3000) - 1500).toString()).champ("nationalite", "1")
                    .champ("lienDemandeur", r.nextBoolean() ? "M" : "C");
            if (montantCo > 0) {
                j.cle("ressourcesRecues").tableau().objet().champ("code", "SAL").champ("montant", montantCo).fin().fin();
                ressources += montantCo;
            }
            j.fin().fin();
        }
        if (aCharge > 0) {
            j.cle("personnesACharge").tableau();
            for (int i = 0; i < aCharge; i++) {
                LocalDate ne = depot.minusDays(r.nextInt(18 * 365));
                if (ne.isBefore(naissance.plusYears(16))) {
                    ne = naissance.plusYears(16 + r.nextInt(4));
                }
                if (ne.isAfter(depot)) {
                    // a young applicant: never a child born after the filing
                    ne = depot;
                }
                j.objet().champ("nomNaissance", nom).champ("prenoms", r.nextBoolean() ? PRENOMS_F[r.nextInt(PRENOMS_F.length)]
                                : PRENOMS_M[r.nextInt(PRENOMS_M.length)])
                        .champ("dateNaissance", ne.toString()).champ("sexe", r.nextBoolean() ? "F" : "M").champ("lienParente", "E").fin();
            }
            j.fin();
        }
        String modele = switch (r.nextInt(10)) {
            case 0, 1, 2, 3 -> "LP";
            case 4, 5, 6 -> "HLM";
            case 7 -> "SLHT";
            case 8 -> "RS";
            default -> "SH";
        };
        j.cle("logementActuel").objet().cle("modelesLogement").tableau().valeur(modele).fin()
                .champ("montantMensuelLoyer", modele.equals("SH") ? 0 : 300 + r.nextInt(600))
                .champ("nombreHabitants", taille).fin();
        Set<String> motifs = new LinkedHashSet<>();
        motifs.add(MOTIFS[Referentiel.indice(POIDS_MOTIFS, r)]);
        if (r.nextInt(100) < 35) {
            motifs.add(MOTIFS[Referentiel.indice(POIDS_MOTIFS, r)]);
        }
        j.cle("motifs").tableau();
        motifs.forEach(j::valeur);
        j.fin();
        List<String> types = types(taille, r);
        // wanted communes: near the current one (same territory), often the current one first
        Set<String> communes = new LinkedHashSet<>();
        if (r.nextInt(100) < 70) {
            communes.add(actuelle.code());
        }
        // a territory of one or two communes (Paris) cannot give three distinct ones
        int voulues = Math.min(1 + r.nextInt(3), t.communes().size());
        while (communes.size() < voulues) {
            communes.add(t.commune(r).code());
        }
        j.cle("logementRecherche").objet().cle("typesLogement").tableau();
        types.forEach(j::valeur);
        j.fin().cle("communesSouhaitees").tableau();
        communes.forEach(j::valeur);
        j.fin().fin();
        boolean handicap = r.nextInt(100) < 6;
        if (handicap) {
            j.cle("handicap").objet().champ("nombrePersonnes", 1).fin();
        }
        int p = r.nextInt(100);
        String dalo = p < 2 ? "ACTIF" : p < 50 ? "NON" : null;
        if (dalo != null) {
            j.cle("priorite").objet().champ("statutDalo", dalo);
            if (dalo.equals("ACTIF")) {
                j.champ("dateDecisionDalo", depot.plusDays(Math.min(age, 120)).toString());
            }
            j.fin();
        }
        j.fin();

        // renewals every year; about 12 % radiated (most for a missed renewal or an attribution)
        long annees = age / 365;
        LocalDate dernier = annees == 0 ? null : depot.plusYears(annees);
        LocalDate prochain = depot.plusYears(annees + 1);
        String etat = "ACTIVE";
        Radiation radiation = null;
        List<Evenement> evenements = new ArrayList<>();
        int e = r.nextInt(100);
        if (e < 12 && age > 60) {
            etat = "RADIEE";
            int m = r.nextInt(100);
            // a missed renewal needs a deadline already a month past: otherwise a renunciation
            String motif = m < 45 ? "RADATT" : m < 80 && age >= 400 ? "RADREN" : "RADABA";
            LocalDate date;
            if (motif.equals("RADREN")) {
                long manquee = (age - 31) / 365;
                dernier = manquee <= 1 ? null : depot.plusYears(manquee - 1);
                prochain = depot.plusYears(manquee);
                date = prochain.plusMonths(1);
            } else {
                date = depot.plusDays(30 + r.nextInt((int) age - 30 + 1));
                // renewals stop at the radiation: the deadline in force then is the echeance
                long renouvellements = java.time.temporal.ChronoUnit.YEARS.between(depot, date);
                dernier = renouvellements == 0 ? null : depot.plusYears(renouvellements);
                prochain = depot.plusYears(renouvellements + 1);
            }
            if (date.isAfter(aujourdhui)) {
                date = aujourdhui;
            }
            radiation = new Radiation(motif, date, prochain, motif.equals("RADREN") ? null : guichet);
            if (motif.equals("RADATT")) {
                evenements.add(new Evenement("ATTCAL", date.minusDays(20), guichet, null));
            }
        } else if (e < 40) {
            evenements.add(new Evenement("VISPRO", depot.plusDays(r.nextInt((int) age + 1)), guichet, null));
        } else if (e < 50) {
            evenements.add(new Evenement("NOTINT", depot.plusDays(r.nextInt((int) age + 1)), guichet,
                    "Dossier complet, en attente de proposition."));
        }
        boolean prioritaire = "ACTIF".equals(dalo);
        return new Ligne(t.code(), numero, guichet, etat, depot, dernier, prochain, nom, prenom, naissance,
                List.copyOf(communes), j.toString(), taille, rfr, ressources, types, dalo, prioritaire, handicap,
                List.copyOf(evenements), radiation);
    }

    private static List<String> types(int taille, SplittableRandom r) {
        return switch (taille) {
            case 1 -> r.nextInt(10) == 0 ? List.of("C", "T1") : r.nextBoolean() ? List.of("T1", "T2") : List.of("T2");
            case 2 -> r.nextBoolean() ? List.of("T2", "T3") : List.of("T2");
            case 3 -> r.nextBoolean() ? List.of("T3") : List.of("T3", "T4");
            case 4 -> r.nextBoolean() ? List.of("T4") : List.of("T3", "T4");
            case 5 -> List.of("T4", "T5");
            default -> List.of("T5", "T6P");
        };
    }

    /** A tiny JSON writer: the generator writes millions of documents, in the API's shape. */
    static final class Json {
        private final StringBuilder s = new StringBuilder(1024);
        private final char[] ouverts = new char[16];
        private int profondeur;
        private boolean virgule;

        Json objet() {
            separer();
            s.append('{');
            ouverts[profondeur++] = '}';
            virgule = false;
            return this;
        }

        Json tableau() {
            separer();
            s.append('[');
            ouverts[profondeur++] = ']';
            virgule = false;
            return this;
        }

        Json fin() {
            s.append(ouverts[--profondeur]);
            virgule = true;
            return this;
        }

        Json cle(String nom) {
            separer();
            texte(nom);
            s.append(':');
            virgule = false;
            return this;
        }

        Json champ(String nom, String valeur) {
            return cle(nom).valeur(valeur);
        }

        Json champ(String nom, int valeur) {
            cle(nom);
            s.append(valeur);
            virgule = true;
            return this;
        }

        Json valeur(String v) {
            separer();
            texte(v);
            virgule = true;
            return this;
        }

        private void separer() {
            if (virgule) {
                s.append(',');
            }
        }

        private void texte(String v) {
            s.append('"');
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '"' || c == '\\') {
                    s.append('\\');
                }
                s.append(c);
            }
            s.append('"');
        }

        @Override
        public String toString() {
            return s.toString();
        }
    }
}
