/**
 * The stretch catalog: built-in exercises shipped with the app, each clinic's own exercises,
 * search with typo and synonym tolerance, favourites, and import/export of custom exercises.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Stretch catalog")
package org.homestretch.catalog;
