package fr.sne.community.wiki;

/** What the editor posts: the page's fields, the version it was read at, and a comment on the change. */
public record SaisiePage(String titre, String contenu, Long parentId, int ordre, String commentaire, int versionLue) {

    public SaisiePage {
        titre = titre == null ? "" : titre.strip();
        contenu = contenu == null ? "" : contenu.replace("\r\n", "\n");
        commentaire = commentaire == null ? "" : commentaire.strip();
    }
}
