package fr.sne.community.info;

/** What an author does on the information site. */
public enum ActionArticle {
    /** Open the authoring pages (list of one's articles, new article). */
    GERER,
    /** Create, edit, publish, unpublish, delete an article and its attachments. */
    REDIGER
}
