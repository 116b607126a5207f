/**
 * The stretch catalog: built-in exercises shipped with the app, each clinic's own exercises,
 * search with typo and synonym tolerance, favourites, import/export of custom exercises.
 * Each exercise's figure is drawn by {@code illustration} and offered to other features through
 * {@link org.homestretch.catalog.ExerciseFigures}.
 */
// Allowed dependencies: the ones used today, so that a new one fails ArchitectureTest and is a
// decision. "audit" is allowed for every feature that touches patient data or settings, used or not yet.
@org.springframework.modulith.ApplicationModule(displayName = "Stretch catalog", allowedDependencies = {"audit", "base", "illustration", "image", "security"})
package org.homestretch.catalog;
