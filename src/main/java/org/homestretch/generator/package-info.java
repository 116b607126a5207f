/**
 * Fills an empty database with invented clinics, therapists, patients, programs and a year of
 * check-ins, reproducibly from a seed, for benchmarks and load tests at clinic-network scale:
 * {@code java -jar homestretch.jar generate-data} (docs/PERFORMANCE.md, "Data generator").
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data generator", allowedDependencies = {"base", "catalog", "security"})
package org.homestretch.generator;
