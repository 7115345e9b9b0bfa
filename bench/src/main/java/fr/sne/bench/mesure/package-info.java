/**
 * What every benchmark scenario shares (issue #11): the scale, the measures (product, baseline
 * measured in the same run, ratio, goal), latency percentiles, the heap sampler, the HTTP
 * clients (API client credentials, a signed-in professional) and the report.
 */
package fr.sne.bench.mesure;
