/**
 * Outcome measures: whether a patient is getting better, not only whether they do their
 * exercises. Each measure is data ({@link org.homestretch.outcome.Measure}): the Patient-Specific
 * Functional Scale and the Numeric Pain Rating Scale today. Scores are entered by the therapist
 * from a visit or by the patient answering the phone page's weekly question
 * ({@link org.homestretch.outcome.WeeklyQuestion}); the first is the baseline, and each later one
 * is compared with it in words and on a chart. See docs/OUTCOMES.md.
 */
// Allowed dependencies: the ones used today, so that a new one fails ArchitectureTest and is a decision.
@org.springframework.modulith.ApplicationModule(displayName = "Outcome measures", allowedDependencies = {"audit", "base", "clinic", "patient", "security"})
package org.homestretch.outcome;
