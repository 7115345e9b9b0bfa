package fr.sne.tenants.territoire;

import java.util.List;

/**
 * A tenant: a département (or Île-de-France), its mode and the settings features read.
 *
 * @param evenementsVisiblesDemandeur whether applicants see the regulatory events of their application on the
 *                                    portal (gestion partagée; the other events meant for them are always shown)
 */
public record Territoire(String code, String nom, String mode, int delaiAnormalementLongMois,
                         boolean evenementsVisiblesDemandeur, List<String> departements) {
}
