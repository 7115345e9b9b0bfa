package fr.sne.tenants.apiclient;

import java.util.List;

/** A vendor's system registered for one desk. */
public record ClientApi(String clientId, String guichet, String guichetNom, String territoire, String libelle,
                        List<String> scopes, boolean actif) {
}
