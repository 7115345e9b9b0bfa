package fr.sne.tenants.geographie;

/**
 * A département (or a COM, for the codes 975 to 989).
 *
 * @param code   e.g. {@code 38}, {@code 2A}, {@code 974}
 * @param region code of its région
 */
public record Departement(String code, String nom, String region) {
}
