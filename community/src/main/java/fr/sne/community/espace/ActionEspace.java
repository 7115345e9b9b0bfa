package fr.sne.community.espace;

/** What someone does in a space; {@link EspacePolicy} decides each. */
public enum ActionEspace {
    /** Read its content and see it listed (its home, forums, pages, news, calendar, members). */
    VOIR,
    /** Post topics, replies, comments, edit wiki pages, RSVP. */
    PARTICIPER,
    /** Moderate: hide, lock, move, merge, review flags and first posts, publish news and events. */
    MODERER,
    /** Change the space's settings and its members and roles. */
    GERER
}
