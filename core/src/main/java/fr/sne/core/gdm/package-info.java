/**
 * GDM ("Get Demande Mouvement"): the vendors' feed of every committed change to the applications
 * of their territory ({@code GET /api/v1.0/mouvements}), read from the {@code mouvement} table that
 * {@code fr.sne.core.journal.Journal} fills in each change's own transaction.
 */
package fr.sne.core.gdm;
