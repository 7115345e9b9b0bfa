package fr.sne.community.wiki;

/** Someone saved the page after the editor read it: the typed text is kept and shown with the current one. */
public final class ConflitEdition extends RuntimeException {

    private final transient PageWiki actuelle;

    ConflitEdition(PageWiki actuelle) {
        super("Page modifiée entre-temps", null, false, false);
        this.actuelle = actuelle;
    }

    public PageWiki actuelle() {
        return actuelle;
    }
}
