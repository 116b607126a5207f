/**
 * The stretch catalog: built-in exercises shipped with the app, each clinic's own exercises,
 * search with typo and synonym tolerance, favourites, import/export of custom exercises, and the drawn
 * exercise figures (pose model and renderer in {@code figure}, public through {@link org.homestretch.catalog.ExerciseFigures}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Stretch catalog")
package org.homestretch.catalog;
