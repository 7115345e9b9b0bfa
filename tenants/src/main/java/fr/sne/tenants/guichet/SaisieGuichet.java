package fr.sne.tenants.guichet;

import fr.sne.tenants.web.Formulaire;

import java.util.Map;

/** What a person typed in the desk form (strings, unchecked). */
public record SaisieGuichet(String code, String territoire, String nom, String type, String siret, String adresse,
                            String commune, String courriel, String version) {

    public static SaisieGuichet de(Map<String, String> form) {
        return new SaisieGuichet(Formulaire.texte(form.get("code")), Formulaire.texte(form.get("territoire")), Formulaire.texte(form.get("nom")),
                Formulaire.texte(form.get("type")), Formulaire.texte(form.get("siret")), Formulaire.texte(form.get("adresse")), Formulaire.texte(form.get("commune")),
                Formulaire.texte(form.get("courriel")), Formulaire.texte(form.get("version")));
    }

    public static SaisieGuichet de(Guichet g) {
        return new SaisieGuichet(g.code(), g.territoire(), g.nom(), g.type().name(), g.siret(), g.adresse(), g.commune(),
                g.courriel(), String.valueOf(g.version()));
    }

}
