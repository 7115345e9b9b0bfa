/** Module root: see ARCHITECTURE (docs/architecture.md). */
package fr.sne.core;
