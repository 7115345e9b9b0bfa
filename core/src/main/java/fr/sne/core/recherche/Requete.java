package fr.sne.core.recherche;

import fr.sne.core.evenement.IndicateursDerives;
import fr.sne.core.journal.CatalogueEvenements;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of a search, territory first (it leads every index of {@code demande}), with
 * its parameters bound in order. Only the indexed columns are filtered; never the JSON document.
 */
final class Requete {

    /** A parameter to bind: a value, or a varchar array. */
    record Parametre(Object valeur, boolean tableau) {
    }

    private final StringBuilder where = new StringBuilder("territoire = ?");
    private final List<Parametre> parametres = new ArrayList<>();
    private final Tri tri;

    private Requete(String territoire, Tri tri) {
        this.tri = tri;
        parametres.add(new Parametre(territoire, false));
    }

    /**
     * The clause for criteria whose territory and commune are resolved; seniority counts from
     * {@code aujourdhui}; {@code delaiMois} is the territory's "délai anormalement long".
     */
    static Requete de(Criteres c, LocalDate aujourdhui, int delaiMois) {
        Requete r = new Requete(c.territoire(), c.tri());
        if (c.numero() != null) {
            if (c.numero().length() == 18) {
                r.et("numero_unique = ?", c.numero());
            } else {
                // a prefix as a byte-order range: served by the text_pattern_ops index even in a generic plan
                r.et("numero_unique ~>=~ ?", c.numero());
                r.et("numero_unique ~<~ ?", borneSuperieure(c.numero()));
            }
        }
        if (c.etat() != null) {
            r.et("etat = ?", c.etat());
        }
        LocalDate depotDu = c.depotDu();
        LocalDate depotAu = c.depotAu();
        // seniority in whole months: at least N months ⇔ filed on or before today − N months
        if (c.ancienneteMin() != null) {
            depotAu = min(depotAu, aujourdhui.minusMonths(c.ancienneteMin()));
        }
        if (c.ancienneteMax() != null) {
            depotDu = max(depotDu, aujourdhui.minusMonths(c.ancienneteMax() + 1L).plusDays(1));
        }
        if (depotDu != null) {
            r.et("date_depot >= ?", Date.valueOf(depotDu));
        }
        if (depotAu != null) {
            r.et("date_depot <= ?", Date.valueOf(depotAu));
        }
        if (c.renouvellementDu() != null) {
            r.et("date_dernier_renouvellement >= ?", Date.valueOf(c.renouvellementDu()));
        }
        if (c.renouvellementAu() != null) {
            r.et("date_dernier_renouvellement <= ?", Date.valueOf(c.renouvellementAu()));
        }
        if (c.commune() != null) {
            // through demande_commune (V9): array containment is not leakproof, so under RLS no index serves it
            r.where.append(" AND numero_unique IN (SELECT dc.numero_unique FROM demande_commune dc"
                    + " WHERE dc.territoire = ? AND dc.commune = ?)");
            r.parametres.add(new Parametre(c.territoire(), false));
            r.parametres.add(new Parametre(c.commune(), false));
        }
        if (c.guichet() != null) {
            r.et("guichet_enregistreur = ?", c.guichet());
        }
        if (c.tailleMin() != null) {
            r.et("taille_menage >= ?", c.tailleMin().shortValue());
        }
        if (c.tailleMax() != null) {
            r.et("taille_menage <= ?", c.tailleMax().shortValue());
        }
        if (!c.types().isEmpty()) {
            r.where.append(" AND types_logement && ?");
            r.parametres.add(new Parametre(c.types(), true));
        }
        if (c.ressourcesMin() != null) {
            r.et("ressources_mensuelles >= ?", c.ressourcesMin());
        }
        if (c.ressourcesMax() != null) {
            r.et("ressources_mensuelles <= ?", c.ressourcesMax());
        }
        if (c.revenuMin() != null) {
            r.et("revenu_fiscal >= ?", c.revenuMin());
        }
        if (c.revenuMax() != null) {
            r.et("revenu_fiscal <= ?", c.revenuMax());
        }
        // literals, not parameters: the partial indexes (WHERE prioritaire, WHERE statut_dalo IN …)
        // then apply in generic plans too; the values come from closed lists (Criteres)
        if (c.prioritaire() != null) {
            r.where.append(c.prioritaire() ? " AND prioritaire" : " AND NOT prioritaire");
        }
        if (c.dalo() != null) {
            if (!Criteres.DALO.contains(c.dalo())) {
                throw new IllegalArgumentException("statut DALO " + c.dalo());
            }
            r.where.append(" AND statut_dalo = '").append(c.dalo()).append("'");
        }
        if (c.handicap() != null) {
            r.where.append(c.handicap() ? " AND handicap" : " AND NOT handicap");
        }
        // gestion partagée: the rules of IndicateursDerives, written in SQL
        if (c.delaiAnormalementLong() != null) {
            Date limite = Date.valueOf(IndicateursDerives.depotLimite(aujourdhui, delaiMois));
            if (c.delaiAnormalementLong()) {
                r.et("etat = 'ACTIVE' AND date_depot <= ?", limite);
            } else {
                r.et("(etat <> 'ACTIVE' OR date_depot > ?)", limite);
            }
        }
        if (c.attributionsMultiples() != null) {
            // starts from the territory's few conditional attributions (partial index of V18), not from its
            // applications; literals from the rule's constants, so that the partial index applies in generic plans too
            r.where.append(c.attributionsMultiples() ? " AND numero_unique IN (" : " AND numero_unique NOT IN (").append("""
                    SELECT a.numero_unique FROM evenement a
                     WHERE a.territoire = ? AND a.code IN ('%s') AND a.supprime_le IS NULL
                       AND NOT EXISTS (SELECT 1 FROM evenement b WHERE b.territoire = a.territoire AND b.code = '%s'
                                          AND b.numero_unique = a.numero_unique AND b.supprime_le IS NULL
                                          AND b.date_survenance >= a.date_survenance)
                     GROUP BY a.numero_unique HAVING count(*) >= %d)""".formatted(
                    String.join("', '", IndicateursDerives.ATTRIBUTIONS_SOUS_CONDITION), CatalogueEvenements.SIGNATURE_BAIL,
                    IndicateursDerives.ATTRIBUTIONS_MULTIPLES));
            r.parametres.add(new Parametre(c.territoire(), false));
        }
        return r;
    }

    private void et(String condition, Object valeur) {
        where.append(" AND ").append(condition);
        parametres.add(new Parametre(valeur, false));
    }

    String where() {
        return where.toString();
    }

    String ordre() {
        return tri.sql;
    }

    List<Parametre> parametres() {
        return List.copyOf(parametres);
    }

    private static String borneSuperieure(String prefixe) {
        char dernier = prefixe.charAt(prefixe.length() - 1);
        return prefixe.substring(0, prefixe.length() - 1) + (char) (dernier + 1);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
