package fr.sne.devservices;

import java.util.List;

/**
 * A demo persona of the contract. The habilitations themselves live in the demo data
 * ({@code db/demo}); {@code role} is only the label shown on the provider's login page.
 */
public record Persona(String email, String givenName, String familyName, String role, boolean applicant) {

    /** The personas of {@code contract/API.md}, in the order the login page lists them. */
    public static final List<Persona> ALL = List.of(
            new Persona("gt.isere@sne.test", "Claire", "Moreau", "Gestionnaire territorial — Isère (038)", false),
            new Persona("gt.gard@sne.test", "Paul", "Roux", "Gestionnaire territorial — Gard (030)", false),
            new Persona("agent.actis@sne.test", "Julie", "Martin", "Guichet enregistreur — ACTIS (38001)", false),
            new Persona("manager.actis@sne.test", "Karim", "Benali", "Guichet manager — ACTIS (38001)", false),
            new Persona("agent.stegreve@sne.test", "Sophie", "Girard", "Guichet enregistreur — Commune de Saint-Égrève (38002)", false),
            new Persona("consultant@sne.test", "Lucas", "Petit", "Consultant simple — Commune de Saint-Égrève (38002)", false),
            new Persona("sensible@sne.test", "Nadia", "Haddad", "Consultant sensible — Pôle Habitat Social (38003)", false),
            new Persona("agent.logis@sne.test", "Thomas", "Fabre", "Guichet enregistreur — Logis Cévenols (30001)", false),
            new Persona("support@sne.test", "Hélène", "Dubois", "Assistance nationale (lecture seule)", false),
            new Persona("admin@sne.test", "Marc", "Lefèvre", "Administrateur national", false),
            new Persona("nouvel.agent@sne.test", "Inès", "Garnier", "Professionnelle sans habilitation (peut en demander une)", false),
            new Persona("demandeur@sne.test", "Jean", "Dupont", "Demandeur (portail public)", true));

    public String displayName() {
        return givenName + " " + familyName;
    }
}
