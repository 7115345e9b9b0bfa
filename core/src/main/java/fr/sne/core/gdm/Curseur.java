package fr.sne.core.gdm;

/**
 * Where a window's next page starts: after movement ({@code horodatageMicros}, {@code id}), among
 * the movements of transactions below {@code horizon} (the first page's snapshot xmin, kept so that
 * every page reads the same final set of rows).
 */
record Curseur(long horizon, long horodatageMicros, long id) {
}
