/**
 * Exercise figures drawn from a pose model: a handful of joint angles per pose becomes a side-view
 * person on a mat or a bed, written as SVG for screens and as PDF paths for print. Knows
 * nothing about exercises, patients or clinics; the catalog maps exercises to figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exercise illustrations", allowedDependencies = {"base"})
package org.homestretch.illustration;
