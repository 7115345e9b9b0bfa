package fr.sne.tenants.guichet;

/** A registering desk, as stored. */
public record Guichet(String code, String territoire, String nom, TypeGuichet type, String siret, String adresse,
                      String commune, String communeNom, String courriel, boolean actif, int version) {
}
