/**
 * The benchmark suite of issue #11: prepares the bench territory (generated applications, API
 * clients, a territorial manager), runs every scenario against the running product and writes
 * the report (Markdown + CSV).
 */
package fr.sne.bench.suite;
