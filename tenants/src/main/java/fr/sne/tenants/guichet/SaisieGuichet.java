package fr.sne.tenants.guichet;

import java.util.Map;

/** What a person typed in the desk form (strings, unchecked). */
public record SaisieGuichet(String code, String territoire, String nom, String type, String siret, String adresse,
                            String commune, String courriel, String version) {

    public static SaisieGuichet de(Map<String, String> form) {
        return new SaisieGuichet(trim(form.get("code")), trim(form.get("territoire")), trim(form.get("nom")),
                trim(form.get("type")), trim(form.get("siret")), trim(form.get("adresse")), trim(form.get("commune")),
                trim(form.get("courriel")), trim(form.get("version")));
    }

    public static SaisieGuichet de(Guichet g) {
        return new SaisieGuichet(g.code(), g.territoire(), g.nom(), g.type().name(), g.siret(), g.adresse(), g.commune(),
                g.courriel(), String.valueOf(g.version()));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
