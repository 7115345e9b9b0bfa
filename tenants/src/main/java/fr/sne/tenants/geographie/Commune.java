package fr.sne.tenants.geographie;

import java.util.List;

/**
 * A current commune (COG).
 *
 * @param code         INSEE code, e.g. {@code 38185}, {@code 2A004}
 * @param departement  code of its département
 * @param epciSiren    SIREN of its EPCI à fiscalité propre, or null (COM, four island communes)
 * @param population   population municipale, or null (uninhabited COM codes)
 * @param codesPostaux its postal codes, possibly none
 */
public record Commune(String code, String nom, String departement, String epciSiren, Integer population,
                      List<String> codesPostaux) {

    public Commune {
        codesPostaux = List.copyOf(codesPostaux);
    }
}
