package fr.sne.tenants.territoire;

import java.util.List;

/** A tenant: a département (or Île-de-France), its mode and the settings features read. */
public record Territoire(String code, String nom, String mode, int delaiAnormalementLongMois,
                         boolean evenementsVisiblesDemandeur, List<String> departements) {
}
