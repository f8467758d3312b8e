// Package supervision supports management supervision (ledelsestilsyn): checking, case by
// case, that guidelines and practice agree, following up on what is found, and showing the
// results over time so that they feed learning.
//
// The main types and functions:
//
//   - Template: a versioned checklist (tjekliste) as data, in JSON or Go; items with Danish
//     and English text, category (formal requirement or professional quality), the cases
//     they apply to, severity, and refund significance (refusionsmæssig betydning).
//     FormalRequirements is the shipped checklist of formal requirements.
//   - ThemedTemplate: a themed supervision (tematiseret ledelsestilsyn), three questions
//     against five focus points A–E; NetworkInvolvement and PurposeAndGoals ship the two
//     themes of seed 003.
//   - Review: one case gone through, drawn (with its draw) or chosen (and marked so);
//     ValidateReviews and ParseReviews check every answer against its template version.
//   - Finding: a "no" on a formal requirement, with its corrective action, open, overdue
//     or closed at a date; CountFindings gives their development.
//   - LearningPoint: general points for the team meeting, individual ones for a
//     caseworker, carried forward to later reviews (CarryForward).
//   - PlanThemed: which cases (drawn with package sampling), in which weeks, and the team
//     leader's hours.
//   - Compliance: the rate per item, team, caseworker and period with its n and Wilson
//     interval and a verdict from package goals on its development; refund errors; the
//     themed supervision's answers.
//   - Procedure: the written procedure (frequency, selection, conduct and documentation,
//     reporting and follow-up) that the annual wheel places on the year.
//
// Reviews name cases by pseudonymous IDs; errors name reviews by position, never a case.
package supervision
