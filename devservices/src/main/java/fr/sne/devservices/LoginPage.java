package fr.sne.devservices;

import java.util.List;
import java.util.stream.Collectors;

/** The embedded provider's login page: one button per demo persona, or any e-mail. */
final class LoginPage {

    private LoginPage() {
    }

    static String html(List<Persona> personas) {
        String buttons = personas.stream().map(LoginPage::personaForm).collect(Collectors.joining("\n"));
        return """
                <!DOCTYPE html>
                <html lang="fr">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Connexion — fournisseur d'identité de développement SNE</title>
                <style>
                body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#161616}
                h1{font-size:1.6rem} ul{list-style:none;padding:0}
                li{margin:.4rem 0} button{width:100%%;text-align:left;padding:.7rem 1rem;font-size:1rem;
                background:#f5f5fe;border:1px solid #000091;color:#000091;cursor:pointer}
                button:hover,button:focus{background:#000091;color:#fff;outline:3px solid #0a76f6;outline-offset:2px}
                .role{display:block;font-size:.875rem}
                label{display:block;margin:.5rem 0 .25rem} input[type=email]{padding:.5rem;font-size:1rem;width:100%%;box-sizing:border-box}
                </style>
                </head>
                <body>
                <main>
                <h1>Connexion à SNE (environnement de développement)</h1>
                <p>Ce fournisseur d'identité n'existe qu'en développement. Choisissez un profil de démonstration :
                un clic suffit pour vous connecter.</p>
                <h2>Profils de démonstration</h2>
                <ul>
                %s
                </ul>
                <h2>Autre identité</h2>
                <form method="post">
                <label for="email-particulier">Adresse électronique d'un particulier (identité de type FranceConnect)</label>
                <input id="email-particulier" type="email" name="username" required autocomplete="email">
                <input type="hidden" name="claims" value="{}">
                <p><button type="submit">Se connecter comme particulier</button></p>
                </form>
                </main>
                </body>
                </html>
                """.formatted(buttons);
    }

    private static String personaForm(Persona p) {
        String claims = p.applicant()
                ? "{\"email\":\"%s\",\"given_name\":\"%s\",\"family_name\":\"%s\",\"preferred_username\":\"%s\",\"name\":\"%s\"}"
                        .formatted(p.email(), p.givenName(), p.familyName(), p.familyName(), p.displayName())
                : "{\"email\":\"%s\",\"given_name\":\"%s\",\"usual_name\":\"%s\",\"uid\":\"%s\",\"idp_id\":\"sne-dev\",\"name\":\"%s\"}"
                        .formatted(p.email(), p.givenName(), p.familyName(), p.email(), p.displayName());
        return """
                <li><form method="post">
                <input type="hidden" name="username" value="%s">
                <input type="hidden" name="claims" value="%s">
                <button type="submit" data-persona="%s"><strong>%s</strong> — %s<span class="role">%s</span></button>
                </form></li>"""
                .formatted(escape(p.email()), escape(claims), escape(p.email()), escape(p.displayName()),
                        escape(p.email()), escape(p.role()));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
