package fr.sne.tenants.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One audit row as the audit pages and exports show it. */
public record EntreeAudit(long id, Instant horodatage, String territoire, String acteur, String profil, String guichet,
                          String action, String objetType, String objetId, String avant, String apres, String requestId) {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZoneId.of("Europe/Paris"));

    public String getProfilLibelle() {
        try {
            return profil == null ? null : fr.sne.tenants.identity.Profil.valueOf(profil).libelle();
        } catch (IllegalArgumentException e) {
            return profil;
        }
    }

    public String getHorodatageTexte() {
        return FORMAT.format(horodatage);
    }
}
