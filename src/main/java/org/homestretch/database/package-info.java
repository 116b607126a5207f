/**
 * Where the database comes from. Without {@code SPRING_DATASOURCE_URL} the app starts its own
 * embedded PostgreSQL with a persistent data folder and durable settings; with it, the app uses
 * that server. Either way a start-up check refuses a database that could lose committed data.
 */
// Allowed dependencies: the ones used today, so that a new one fails ArchitectureTest and is a decision.
@org.springframework.modulith.ApplicationModule(displayName = "Database", allowedDependencies = {})
package org.homestretch.database;
