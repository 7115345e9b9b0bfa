package fr.sne.community.assistance.sla;

import fr.sne.community.espace.Sql;
import fr.sne.community.assistance.Priorite;
import jakarta.inject.Singleton;

import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The support's settings in the database: opening hours, holidays, service-level targets, days
 * before a resolved ticket is closed. Inside a scoped transaction (changes: national writable).
 */
@Singleton
public class ReglagesAssistance {

    public static final int JOURS_AVANT_CLOTURE_DEFAUT = 7;

    /** A holiday as listed on the settings page. */
    public record Ferie(LocalDate jour, String libelle) {
    }

    /** A target row: {@code typeId} null for the default of a priority. */
    public record LigneSla(Long typeId, String typeLibelle, Priorite priorite, int premiereReponseMinutes, int resolutionMinutes) {
    }

    private final Sql sql;

    ReglagesAssistance(Sql sql) {
        this.sql = sql;
    }

    public CalendrierOuvre calendrier() {
        Map<DayOfWeek, CalendrierOuvre.Plage> horaires = new EnumMap<>(DayOfWeek.class);
        sql.liste("SELECT jour, ouverture, fermeture FROM horaire_assistance", rs -> {
            horaires.put(DayOfWeek.of(rs.getInt(1)), new CalendrierOuvre.Plage(heure(rs.getTime(2)), heure(rs.getTime(3))));
            return null;
        });
        Set<LocalDate> feries = new HashSet<>(sql.liste("SELECT jour FROM ferie_assistance", rs -> rs.getObject(1, LocalDate.class)));
        return new CalendrierOuvre(horaires, feries, CalendrierOuvre.PARIS);
    }

    public Map<DayOfWeek, CalendrierOuvre.Plage> horaires() {
        return calendrier().horaires();
    }

    public List<Ferie> feries() {
        return sql.liste("SELECT jour, libelle FROM ferie_assistance ORDER BY jour",
                rs -> new Ferie(rs.getObject(1, LocalDate.class), rs.getString(2)));
    }

    /** The targets by type id (0: default) and priority. */
    public Map<Long, Map<Priorite, ObjectifSla>> objectifs() {
        Map<Long, Map<Priorite, ObjectifSla>> parType = new HashMap<>();
        sql.liste("SELECT coalesce(type_id, 0), priorite, premiere_reponse_minutes, resolution_minutes FROM sla_assistance", rs -> {
            parType.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(Priorite.class)).put(Priorite.valueOf(rs.getString(2)),
                    new ObjectifSla(Duration.ofMinutes(rs.getInt(3)), Duration.ofMinutes(rs.getInt(4))));
            return null;
        });
        return parType;
    }

    public List<LigneSla> lignesSla() {
        return sql.liste("""
                SELECT s.type_id, t.libelle, s.priorite, s.premiere_reponse_minutes, s.resolution_minutes
                FROM sla_assistance s LEFT JOIN type_assistance t ON t.id = s.type_id
                ORDER BY s.type_id NULLS FIRST, t.libelle, array_position(ARRAY['CRITIQUE','HAUTE','NORMALE','BASSE'], s.priorite)""",
                rs -> new LigneSla(Sql.longOuNull(rs, "type_id"), rs.getString(2), Priorite.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getInt(5)));
    }

    /** The target of a type and priority: its own, else the priority's default, else a day and a week. */
    public static ObjectifSla objectif(Map<Long, Map<Priorite, ObjectifSla>> objectifs, long typeId, Priorite priorite) {
        ObjectifSla propre = objectifs.getOrDefault(typeId, Map.of()).get(priorite);
        if (propre != null) {
            return propre;
        }
        ObjectifSla defaut = objectifs.getOrDefault(0L, Map.of()).get(priorite);
        return defaut != null ? defaut : new ObjectifSla(Duration.ofHours(8), Duration.ofHours(40));
    }

    public boolean typeExiste(long typeId) {
        return sql.un("SELECT 1 FROM type_assistance WHERE id = ?", rs -> true, typeId).isPresent();
    }

    public int joursAvantCloture() {
        return sql.un("SELECT valeur FROM reglage_assistance WHERE cle = 'jours_avant_cloture'", rs -> rs.getString(1))
                .map(v -> {
                    try {
                        return Integer.parseInt(v.strip());
                    } catch (NumberFormatException e) {
                        return JOURS_AVANT_CLOTURE_DEFAUT;
                    }
                }).orElse(JOURS_AVANT_CLOTURE_DEFAUT);
    }

    // Changes (national writable scope) --------------------------------------------------------------

    public void definirHoraire(DayOfWeek jour, CalendrierOuvre.Plage plage) {
        if (plage == null) {
            sql.maj("DELETE FROM horaire_assistance WHERE jour = ?", jour.getValue());
        } else {
            sql.maj("""
                    INSERT INTO horaire_assistance (jour, ouverture, fermeture) VALUES (?, ?, ?)
                    ON CONFLICT (jour) DO UPDATE SET ouverture = excluded.ouverture, fermeture = excluded.fermeture""",
                    jour.getValue(), plage.ouverture(), plage.fermeture());
        }
    }

    public void ajouterFerie(LocalDate jour, String libelle) {
        sql.maj("INSERT INTO ferie_assistance (jour, libelle) VALUES (?, ?) ON CONFLICT (jour) DO UPDATE SET libelle = excluded.libelle",
                jour, libelle);
    }

    public void retirerFerie(LocalDate jour) {
        sql.maj("DELETE FROM ferie_assistance WHERE jour = ?", jour);
    }

    public void definirObjectif(Long typeId, Priorite priorite, int premiereReponseMinutes, int resolutionMinutes) {
        sql.maj("DELETE FROM sla_assistance WHERE coalesce(type_id, 0) = ? AND priorite = ?", typeId == null ? 0L : typeId, priorite);
        sql.maj("INSERT INTO sla_assistance (type_id, priorite, premiere_reponse_minutes, resolution_minutes) VALUES (?, ?, ?, ?)",
                typeId, priorite, premiereReponseMinutes, resolutionMinutes);
    }

    public void definirJoursAvantCloture(int jours) {
        sql.maj("""
                INSERT INTO reglage_assistance (cle, valeur) VALUES ('jours_avant_cloture', ?)
                ON CONFLICT (cle) DO UPDATE SET valeur = excluded.valeur""", Integer.toString(jours));
    }

    private static LocalTime heure(Time t) {
        return t.toLocalTime();
    }
}
