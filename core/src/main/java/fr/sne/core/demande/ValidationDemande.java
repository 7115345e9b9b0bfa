package fr.sne.core.demande;

import fr.sne.core.referentiel.ListesCodes;
import fr.sne.core.referentiel.Nir;
import fr.sne.core.referentiel.Pays;
import fr.sne.core.referentiel.VerificationPays;
import fr.sne.tenants.geographie.Commune;
import fr.sne.tenants.geographie.Geographie;
import fr.sne.tenants.guichet.Siret;
import fr.sne.tenants.web.Probleme;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Field checks of the CERFA content, every anomaly at once, each naming its field (JSON path)
 * in French. Reads the geography, so it runs inside a transaction.
 */
@Singleton
class ValidationDemande {

    private static final Pattern MEL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern NOM = Pattern.compile("[\\p{L}][\\p{L} '’.-]{0,99}");
    private static final Pattern TELEPHONE = Pattern.compile("\\+?[0-9 .]{10,20}");
    private static final Pattern CODE_POSTAL = Pattern.compile("[0-9]{5}");
    private static final int MONTANT_MAX = 10_000_000;
    private static final int LISTE_MAX = 30;
    private static final int TEXTE_MAX = 200;

    private final ListesCodes codes;
    private final Geographie geographie;
    private final Pays pays;

    ValidationDemande(ListesCodes codes, Geographie geographie, Pays pays) {
        this.codes = codes;
        this.geographie = geographie;
        this.pays = pays;
    }

    /**
     * The anomalies of a creation or update for a desk whose territory covers {@code departements};
     * {@code dateDepot} is the certified filing date (today for a creation).
     */
    List<Probleme.Anomalie> anomalies(DemandeJson.Creation c, List<String> departements, LocalDate dateDepot,
                                      LocalDate aujourdhui) {
        Anomalies a = new Anomalies(aujourdhui);
        if (c.dateDepot() != null && !c.dateDepot().equals(dateDepot)) {
            a.ajouter("DATE_DEPOT_CERTIFIEE", "dateDepot", "La date de dépôt est fixée par le registre ("
                    + dateDepot + ") : elle ne peut pas être choisie ni modifiée.");
        }
        DemandeJson.Contenu contenu = c.contenu();
        demandeur(a, contenu.demandeur());
        liste(a, contenu.cotitulaires(), "cotitulaires", 5);
        for (int i = 0; i < contenu.cotitulairesOuVide().size(); i++) {
            cotitulaire(a, contenu.cotitulaires().get(i), "cotitulaires[" + i + "]");
        }
        liste(a, contenu.personnesACharge(), "personnesACharge", 20);
        for (int i = 0; i < contenu.personnesAChargeOuVide().size(); i++) {
            personneACharge(a, contenu.personnesACharge().get(i), "personnesACharge[" + i + "]");
        }
        enfantsANaitre(a, contenu.enfantsANaitre());
        liste(a, contenu.personnesEnGarde(), "personnesEnGarde", 20);
        for (int i = 0; i < contenu.personnesEnGardeOuVide().size(); i++) {
            DemandeJson.PersonneEnGarde p = contenu.personnesEnGarde().get(i);
            String champ = "personnesEnGarde[" + i + "]";
            if (p == null) {
                a.ajouter("OBLIGATOIRE", champ, "Personne en garde vide.");
                continue;
            }
            a.dateNaissance(p.dateNaissance(), champ + ".dateNaissance", true);
            a.code("sexe", p.sexe(), champ + ".sexe", "Sexe", false);
            a.code("coParentalite", p.coParentalite(), champ + ".coParentalite", "Mode de garde", true);
        }
        logementActuel(a, contenu.logementActuel());
        motifs(a, contenu.motifs(), contenu.motifPrecision());
        logementRecherche(a, contenu.logementRecherche(), departements);
        handicap(a, contenu.handicap());
        priorite(a, contenu.priorite());
        if (c.confirmationNonDoublon() != null && c.confirmationNonDoublon().length() > 1000) {
            a.ajouter("TROP_LONG", "confirmationNonDoublon", "Le motif ne doit pas dépasser 1 000 caractères.");
        }
        return a.liste();
    }

    private void demandeur(Anomalies a, DemandeJson.Demandeur d) {
        if (d == null) {
            a.ajouter("OBLIGATOIRE", "demandeur", "Le demandeur est obligatoire.");
            return;
        }
        identite(a, "demandeur", d.civilite(), d.nomNaissance(), d.nomUsage(), d.prenoms(), d.dateNaissance(),
                d.nationalite(), d.paysNationalite(), d.nir(), d.situationFamiliale(), d.mel(), d.telPortable());
        a.telephone(d.telFixe(), "demandeur.telFixe");
        if (d.paysNaissance() != null) {
            pays(a, d.paysNaissance(), "demandeur.paysNaissance", "Le pays de naissance");
        }
        a.texte(d.communeNaissance(), "demandeur.communeNaissance");
        adresse(a, d.adresse(), "demandeur.adresse");
        situationProfessionnelle(a, d.situationProfessionnelle(), "demandeur.situationProfessionnelle");
        revenuFiscal(a, d.revenuFiscal(), "demandeur.revenuFiscal");
        ressources(a, d.ressourcesRecues(), "ressourceRecue", "demandeur.ressourcesRecues");
        ressources(a, d.ressourcesVersees(), "ressourceVersee", "demandeur.ressourcesVersees");
        ressources(a, d.ressourcesRecuesPersonnesACharge(), "ressourceRecue", "demandeur.ressourcesRecuesPersonnesACharge");
        ressources(a, d.ressourcesVerseesPersonnesACharge(), "ressourceVersee", "demandeur.ressourcesVerseesPersonnesACharge");
    }

    private void cotitulaire(Anomalies a, DemandeJson.Cotitulaire p, String champ) {
        if (p == null) {
            a.ajouter("OBLIGATOIRE", champ, "Cotitulaire vide.");
            return;
        }
        identite(a, champ, p.civilite(), p.nomNaissance(), p.nomUsage(), p.prenoms(), p.dateNaissance(),
                p.nationalite(), p.paysNationalite(), p.nir(), p.situationFamiliale(), p.mel(), p.telPortable());
        a.code("lienDemandeur", p.lienDemandeur(), champ + ".lienDemandeur", "Lien avec le demandeur", true);
        situationProfessionnelle(a, p.situationProfessionnelle(), champ + ".situationProfessionnelle");
        revenuFiscal(a, p.revenuFiscal(), champ + ".revenuFiscal");
        ressources(a, p.ressourcesRecues(), "ressourceRecue", champ + ".ressourcesRecues");
        ressources(a, p.ressourcesVersees(), "ressourceVersee", champ + ".ressourcesVersees");
    }

    private void identite(Anomalies a, String p, String civilite, String nomNaissance, String nomUsage, String prenoms,
                          LocalDate dateNaissance, String nationalite, String paysNationalite, String nir,
                          String situationFamiliale, String mel, String telPortable) {
        a.code("civilite", civilite, p + ".civilite", "Civilité", true);
        a.nom(nomNaissance, p + ".nomNaissance", "Le nom de naissance", true);
        a.nom(nomUsage, p + ".nomUsage", "Le nom d’usage", false);
        a.nom(prenoms, p + ".prenoms", "Les prénoms", true);
        a.dateNaissance(dateNaissance, p + ".dateNaissance", true);
        a.code("nationalite", nationalite, p + ".nationalite", "Nationalité", true);
        if (paysNationalite != null) {
            pays(a, paysNationalite, p + ".paysNationalite", "Le pays de nationalité");
        } else if ("3".equals(nationalite)) {
            a.ajouter("OBLIGATOIRE", p + ".paysNationalite", "Indiquez le pays de nationalité (hors Union européenne).");
        }
        a.code("situationFamiliale", situationFamiliale, p + ".situationFamiliale", "Situation familiale", false);
        nir(a, nir, p + ".nir", civilite, dateNaissance);
        if (mel != null && (mel.length() > TEXTE_MAX || !MEL.matcher(mel).matches())) {
            a.ajouter("FORMAT", p + ".mel", "L’adresse électronique n’est pas valide.");
        }
        a.telephone(telPortable, p + ".telPortable");
    }

    /** Structure and key, then consistency with the declared sex and birth date (not for temporary numbers). */
    private static void nir(Anomalies a, String nir, String champ, String civilite, LocalDate naissance) {
        if (nir == null || nir.isBlank()) {
            return;
        }
        Nir.Verdict verdict = Nir.verifier(nir);
        switch (verdict) {
            case FORMAT_INVALIDE -> a.ajouter("NIR_INVALIDE", champ,
                    "Le numéro de sécurité sociale doit compter 15 caractères (13 chiffres, 2A ou 2B pour la Corse, et la clé).");
            case CLE_INVALIDE -> a.ajouter("NIR_CLE_INVALIDE", champ,
                    "La clé du numéro de sécurité sociale ne correspond pas : vérifiez la saisie.");
            case VALIDE -> {
                String n = Nir.normaliser(nir);
                boolean sexe = civilite == null || (n.charAt(0) == '1') == "1".equals(civilite);
                boolean annee = naissance == null || n.substring(1, 3).equals("%02d".formatted(naissance.getYear() % 100));
                if (!sexe || !annee) {
                    a.ajouter("NIR_INCOHERENT", champ,
                            "Le numéro de sécurité sociale ne correspond pas à la civilité ou à l’année de naissance.");
                }
            }
            case TEMPORAIRE -> {
                // a temporary number (NIA) is accepted as it is
            }
        }
    }

    private void pays(Anomalies a, String libelle, String champ, String quoi) {
        if (libelle.length() > TEXTE_MAX) {
            a.ajouter("TROP_LONG", champ, quoi + " est trop long.");
            return;
        }
        VerificationPays v = pays.verifier(libelle);
        if (!v.valide()) {
            a.ajouter("PAYS_INCONNU", champ, quoi + " « " + libelle + " » n’est pas un pays étranger de la liste INSEE"
                    + (v.suggestion() == null ? "." : " : vouliez-vous dire « " + v.suggestion() + " » ?"));
        }
    }

    private void adresse(Anomalies a, DemandeJson.Adresse ad, String p) {
        if (ad == null) {
            return;
        }
        a.texte(ad.numero(), p + ".numero");
        a.texte(ad.voie(), p + ".voie");
        a.texte(ad.complement(), p + ".complement");
        a.texte(ad.localite(), p + ".localite");
        if (Boolean.TRUE.equals(ad.etranger())) {
            if (ad.pays() == null || ad.pays().isBlank()) {
                a.ajouter("OBLIGATOIRE", p + ".pays", "Indiquez le pays de l’adresse à l’étranger.");
            } else {
                pays(a, ad.pays(), p + ".pays", "Le pays");
            }
            return;
        }
        if (ad.codePostal() != null && !CODE_POSTAL.matcher(ad.codePostal()).matches()) {
            a.ajouter("FORMAT", p + ".codePostal", "Le code postal compte 5 chiffres.");
        }
        commune(a, ad.communeInsee(), p + ".communeInsee");
    }

    private void commune(Anomalies a, String code, String champ) {
        if (code != null && !geographie.communeExiste(code)) {
            a.ajouter("COMMUNE_INCONNUE", champ, "Commune inconnue : " + Anomalies.court(code) + ".");
        }
    }

    private void situationProfessionnelle(Anomalies a, DemandeJson.SituationProfessionnelle s, String p) {
        if (s == null) {
            return;
        }
        a.texte(s.profession(), p + ".profession");
        a.texte(s.nomEmployeur(), p + ".nomEmployeur");
        a.code("typeContratTravail", s.typeContratTravail(), p + ".typeContratTravail", "Type de contrat", false);
        if (s.dateDebutContrat() != null && s.dateDebutContrat().isAfter(a.aujourdhui.plusYears(1))) {
            a.ajouter("DATE_IMPOSSIBLE", p + ".dateDebutContrat", "La date de début du contrat est trop lointaine.");
        }
        if (s.siretEmployeur() != null && Siret.normaliser(s.siretEmployeur()).filter(Siret::siretValide).isEmpty()) {
            a.ajouter("SIRET_INVALIDE", p + ".siretEmployeur",
                    "Le SIRET de l’employeur compte 14 chiffres et sa clé de contrôle doit être juste.");
        }
        if (!Boolean.TRUE.equals(s.etranger())) {
            if (s.codePostal() != null && !CODE_POSTAL.matcher(s.codePostal()).matches()) {
                a.ajouter("FORMAT", p + ".codePostal", "Le code postal compte 5 chiffres.");
            }
            commune(a, s.communeInsee(), p + ".communeInsee");
        }
    }

    private static void revenuFiscal(Anomalies a, DemandeJson.RevenuFiscal r, String p) {
        if (r == null) {
            return;
        }
        int annee = a.aujourdhui.getYear();
        if (r.anneeMoins1() != null && (r.anneeMoins1() < annee - 3 || r.anneeMoins1() > annee - 1)) {
            a.ajouter("ANNEE_INVALIDE", p + ".anneeMoins1", "L’année du revenu fiscal N-1 doit être l’une des trois dernières.");
        }
        if (r.anneeMoins2() != null && (r.anneeMoins2() < annee - 4 || r.anneeMoins2() > annee - 2)) {
            a.ajouter("ANNEE_INVALIDE", p + ".anneeMoins2", "L’année du revenu fiscal N-2 n’est pas plausible.");
        }
        a.montant(r.montantMoins1(), p + ".montantMoins1");
        a.montant(r.montantMoins2(), p + ".montantMoins2");
    }

    private void ressources(Anomalies a, List<DemandeJson.Ressource> liste, String codesListe, String p) {
        liste(a, liste, p, LISTE_MAX);
        if (liste == null) {
            return;
        }
        for (int i = 0; i < liste.size(); i++) {
            DemandeJson.Ressource r = liste.get(i);
            if (r == null) {
                a.ajouter("OBLIGATOIRE", p + "[" + i + "]", "Ressource vide.");
                continue;
            }
            a.code(codesListe, r.code(), p + "[" + i + "].code", "Nature de ressource", true);
            if (r.montant() == null) {
                a.ajouter("OBLIGATOIRE", p + "[" + i + "].montant", "Indiquez le montant mensuel.");
            } else {
                a.montant(r.montant(), p + "[" + i + "].montant");
            }
        }
    }

    private static void personneACharge(Anomalies a, DemandeJson.PersonneACharge p, String champ) {
        if (p == null) {
            a.ajouter("OBLIGATOIRE", champ, "Personne à charge vide.");
            return;
        }
        a.nom(p.nomNaissance(), champ + ".nomNaissance", "Le nom", true);
        a.nom(p.prenoms(), champ + ".prenoms", "Les prénoms", true);
        a.dateNaissance(p.dateNaissance(), champ + ".dateNaissance", true);
        a.code("sexe", p.sexe(), champ + ".sexe", "Sexe", false);
        a.code("lienParente", p.lienParente(), champ + ".lienParente", "Lien de parenté", false);
        nir(a, p.nir(), champ + ".nir", null, p.dateNaissance());
    }

    private static void enfantsANaitre(Anomalies a, DemandeJson.EnfantsANaitre e) {
        if (e == null || (e.nombre() == null && e.dateNaissancePrevue() == null)) {
            return;
        }
        if (e.nombre() == null || e.nombre() < 1 || e.nombre() > 9) {
            a.ajouter("FORMAT", "enfantsANaitre.nombre", "Le nombre d’enfants à naître est compris entre 1 et 9.");
        }
        if (e.dateNaissancePrevue() != null && e.dateNaissancePrevue().isAfter(a.aujourdhui.plusMonths(10))) {
            a.ajouter("DATE_IMPOSSIBLE", "enfantsANaitre.dateNaissancePrevue", "La naissance prévue est à plus de dix mois.");
        }
    }

    private void logementActuel(Anomalies a, DemandeJson.LogementActuel l) {
        if (l == null) {
            return;
        }
        codes(a, l.modelesLogement(), "modeleLogement", "logementActuel.modelesLogement", "Situation de logement");
        a.montant(l.montantMensuelLoyer(), "logementActuel.montantMensuelLoyer");
        a.entier(l.nombreHabitants(), 1, 50, "logementActuel.nombreHabitants", "Le nombre d’habitants");
        a.code("categorieLogement", l.categorieLogement(), "logementActuel.categorieLogement", "Catégorie de logement", false);
        a.code("typeLogement", l.typeLogement(), "logementActuel.typeLogement", "Type de logement", false);
        a.entier(l.surface(), 1, 2000, "logementActuel.surface", "La surface (m²)");
        a.texte(l.nomBailleur(), "logementActuel.nomBailleur");
    }

    private void motifs(Anomalies a, List<String> motifs, String precision) {
        codes(a, motifs, "motifDemande", "motifs", "Motif");
        if (motifs != null && motifs.contains("23") && (precision == null || precision.isBlank())) {
            a.ajouter("OBLIGATOIRE", "motifPrecision", "Précisez l’autre motif particulier (motif 23).");
        }
        if (precision != null && precision.length() > 1000) {
            a.ajouter("TROP_LONG", "motifPrecision", "La précision du motif ne doit pas dépasser 1 000 caractères.");
        }
    }

    private void logementRecherche(Anomalies a, DemandeJson.LogementRecherche l, List<String> departements) {
        if (l == null || l.communesSouhaitees() == null || l.communesSouhaitees().isEmpty()) {
            a.ajouter("OBLIGATOIRE", "logementRecherche.communesSouhaitees", "Indiquez au moins une commune souhaitée.");
        } else {
            liste(a, l.communesSouhaitees(), "logementRecherche.communesSouhaitees", LISTE_MAX);
            boolean dansLeTerritoire = false;
            boolean inconnue = false;
            List<String> vues = new ArrayList<>();
            for (int i = 0; i < Math.min(l.communesSouhaitees().size(), LISTE_MAX); i++) {
                String code = l.communesSouhaitees().get(i);
                Optional<Commune> commune = code == null || code.length() > 5 ? Optional.empty() : geographie.commune(code);
                if (commune.isEmpty()) {
                    inconnue = true;
                    a.ajouter("COMMUNE_INCONNUE", "logementRecherche.communesSouhaitees[" + i + "]",
                            "Commune inconnue : " + Anomalies.court(code) + ".");
                } else if (vues.contains(code)) {
                    a.ajouter("EN_DOUBLE", "logementRecherche.communesSouhaitees[" + i + "]", "Commune déjà indiquée : " + code + ".");
                } else if (departements.contains(commune.get().departement())) {
                    dansLeTerritoire = true;
                }
                vues.add(code);
            }
            if (!dansLeTerritoire && !inconnue) {
                a.ajouter("HORS_TERRITOIRE", "logementRecherche.communesSouhaitees",
                        "Au moins une commune souhaitée doit se trouver dans le territoire du guichet.");
            }
        }
        if (l == null) {
            return;
        }
        codes(a, l.typesLogement(), "typeLogement", "logementRecherche.typesLogement", "Type de logement");
        a.code("categorieLogementRecherche", l.categorie(), "logementRecherche.categorie", "Catégorie de logement", false);
        a.entier(l.etageMaximum(), 0, 60, "logementRecherche.etageMaximum", "L’étage maximum");
        a.montant(l.loyerMaximum(), "logementRecherche.loyerMaximum");
    }

    private void handicap(Anomalies a, DemandeJson.Handicap h) {
        if (h == null) {
            return;
        }
        a.entier(h.nombrePersonnes(), 1, 20, "handicap.nombrePersonnes", "Le nombre de personnes concernées");
        a.code("etatHandicap", h.etat(), "handicap.etat", "État du handicap", false);
        a.code("capaciteMarcheHandicap", h.capaciteMarche(), "handicap.capaciteMarche", "Capacité à monter des marches", false);
        codes(a, h.naturesMoteur(), "natureHandicapMoteur", "handicap.naturesMoteur", "Handicap moteur");
        codes(a, h.naturesSensoriel(), "natureHandicapSensoriel", "handicap.naturesSensoriel", "Handicap sensoriel");
        codes(a, h.aidesTechniques(), "aideTechniqueHandicap", "handicap.aidesTechniques", "Aide technique");
        codes(a, h.equipements(), "equipementHandicap", "handicap.equipements", "Équipement");
    }

    private void priorite(Anomalies a, DemandeJson.Priorite p) {
        if (p == null) {
            return;
        }
        a.code("statutDalo", p.statutDalo(), "priorite.statutDalo", "Statut DALO", false);
        if (p.dateDecisionDalo() != null && p.dateDecisionDalo().isAfter(a.aujourdhui)) {
            a.ajouter("DATE_IMPOSSIBLE", "priorite.dateDecisionDalo", "La décision DALO ne peut pas être datée dans le futur.");
        }
        if (p.dateDecisionDalo() == null && ("ACTIF".equals(p.statutDalo()) || "ACTREL".equals(p.statutDalo()))) {
            a.ajouter("OBLIGATOIRE", "priorite.dateDecisionDalo", "Indiquez la date de la décision de la commission DALO.");
        }
        codes(a, p.categories(), "categoriePrioritaire", "priorite.categories", "Catégorie prioritaire");
    }

    private void codes(Anomalies a, List<String> valeurs, String liste, String champ, String libelle) {
        liste(a, valeurs, champ, LISTE_MAX);
        if (valeurs == null) {
            return;
        }
        List<String> vues = new ArrayList<>();
        for (int i = 0; i < Math.min(valeurs.size(), LISTE_MAX); i++) {
            String v = valeurs.get(i);
            if (a.code(liste, v, champ + "[" + i + "]", libelle, true) && vues.contains(v)) {
                a.ajouter("EN_DOUBLE", champ + "[" + i + "]", libelle + " déjà indiqué : " + v + ".");
            }
            vues.add(v);
        }
    }

    private static void liste(Anomalies a, List<?> valeurs, String champ, int max) {
        if (valeurs != null && valeurs.size() > max) {
            a.ajouter("TROP_LONG", champ, "Au plus " + max + " éléments.");
        }
    }

    /** Collects anomalies; the small checks shared by every part of the form. */
    private final class Anomalies {

        private final List<Probleme.Anomalie> liste = new ArrayList<>();
        private final LocalDate aujourdhui;

        Anomalies(LocalDate aujourdhui) {
            this.aujourdhui = aujourdhui;
        }

        List<Probleme.Anomalie> liste() {
            return liste;
        }

        void ajouter(String code, String champ, String message) {
            liste.add(new Probleme.Anomalie(code, champ, message));
        }

        /** True when the code is present and known (or absent and optional). */
        boolean code(String listeCodes, String valeur, String champ, String libelle, boolean obligatoire) {
            if (valeur == null || valeur.isBlank()) {
                if (obligatoire) {
                    ajouter("OBLIGATOIRE", champ, libelle + " : champ obligatoire.");
                }
                return !obligatoire;
            }
            if (!codes.existe(listeCodes, valeur)) {
                ajouter("CODE_INCONNU", champ, libelle + " : code inconnu « " + court(valeur) + " » (valeurs admises : "
                        + String.join(", ", codes.liste(listeCodes).keySet()) + ").");
                return false;
            }
            return true;
        }

        void nom(String valeur, String champ, String libelle, boolean obligatoire) {
            if (valeur == null || valeur.isBlank()) {
                if (obligatoire) {
                    ajouter("OBLIGATOIRE", champ, libelle + " : champ obligatoire.");
                }
            } else if (!NOM.matcher(valeur.strip()).matches()) {
                ajouter("FORMAT", champ, libelle + " : seuls les lettres, espaces, tirets et apostrophes sont acceptés (100 au plus).");
            }
        }

        void dateNaissance(LocalDate date, String champ, boolean obligatoire) {
            if (date == null) {
                if (obligatoire) {
                    ajouter("OBLIGATOIRE", champ, "La date de naissance est obligatoire.");
                }
            } else if (date.isAfter(aujourdhui) || date.isBefore(aujourdhui.minusYears(125))) {
                ajouter("DATE_IMPOSSIBLE", champ, "La date de naissance " + date + " est impossible.");
            }
        }

        void telephone(String valeur, String champ) {
            if (valeur != null && !TELEPHONE.matcher(valeur).matches()) {
                ajouter("FORMAT", champ, "Le numéro de téléphone n’est pas valide (10 chiffres, ou +33…).");
            }
        }

        void montant(Integer valeur, String champ) {
            if (valeur != null && (valeur < 0 || valeur > MONTANT_MAX)) {
                ajouter("MONTANT_INVALIDE", champ, "Le montant doit être positif et inférieur à 10 millions d’euros.");
            }
        }

        void entier(Integer valeur, int min, int max, String champ, String libelle) {
            if (valeur != null && (valeur < min || valeur > max)) {
                ajouter("FORMAT", champ, libelle + " doit être compris entre " + min + " et " + max + ".");
            }
        }

        void texte(String valeur, String champ) {
            if (valeur != null && valeur.length() > TEXTE_MAX) {
                ajouter("TROP_LONG", champ, "Au plus " + TEXTE_MAX + " caractères.");
            }
        }

        /** A value quoted in a message, cut so that hostile input cannot flood the answer. */
        static String court(String valeur) {
            return valeur == null ? "" : valeur.length() > 40 ? valeur.substring(0, 40) + "…" : valeur;
        }
    }
}
