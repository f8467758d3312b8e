// Package sampling selects cases at random for management supervision (ledelsestilsyn) so
// that the draw is reproducible and anyone can verify that it was not hand-picked, and says
// how many cases a procedure needs and how much the errors found can tell.
//
// The main types and functions:
//
//   - Case: one case of the population (sag): caseworker, team, law paragraph, kind of
//     intervention, dates, amount, free attributes.
//   - TicketOf: a case's lottery ticket, SHA-256(seed + "," + caseID).
//   - Rule and Draw: k cases per caseworker (or per paragraph, or per any attribute), or
//     a total allocated proportionally with a minimum per stratum; eligibility by period,
//     recent review and earlier draws, each exclusion counted by reason. Draw returns a
//     Record: the selection and its audit record. Verify recomputes it.
//   - PeriodSeed, Quarters, Months, Spread: one published seed for the year, and the
//     periods' seeds and numbers derived from it.
//   - DrawPPS and PPSRecord.EstimateError: probability proportional to size (priority
//     sampling) for payments and refunds, with the estimated total error.
//   - Plan and SampleSize: attribute sampling with the conventions of the R package jfa;
//     ClopperPearson, Wilson, UpperBound, Tally, Pool: the evaluation.
//
// # How a draw works, and how to verify one
//
// Each eligible case gets the ticket SHA-256(seed + "," + caseID) over the UTF-8 bytes,
// written as 64 lowercase hexadecimal digits; in each stratum the cases with the smallest
// tickets are drawn. The order of the input never matters, and adding or removing other
// cases never changes which of two cases comes first. A year's plan publishes one seed;
// the seed of a period is PeriodSeed(yearSeed, label) = the hexadecimal SHA-256 of
// yearSeed + "," + label.
//
// A third party with the seed, the list of eligible case IDs of a stratum and k verifies a
// draw in a few lines of Python:
//
//	import hashlib
//	def ticket(seed, case_id):
//	    return hashlib.sha256(f"{seed},{case_id}".encode("utf-8")).hexdigest()
//	drawn = sorted(eligible_ids, key=lambda c: ticket(seed, c))[:k]
//
// or in a shell, one case at a time: printf '%s' "$seed,$id" | sha256sum. For example
// the seed "2026-K1" gives the case "S-0002" the ticket 23ea26e2…, smaller than those of
// "S-0001" (9eee76d1…) and "S-0003" (ac608320…), so a draw of one among them takes S-0002.
// The audit record's Fingerprint is the SHA-256 of the sorted IDs each followed by "\n"
// (printf '%s\n' ids | sort | sha256sum, with sort in byte order: LC_ALL=C).
//
// # How little a few cases can say
//
// Supervision draws 2 to 20 cases per caseworker a year. The one-sided 95% upper bound on
// the error rate (Binomial, qbeta(0.95, 1 + k, n − k)) after finding no errors is:
//
//	cases   no errors   one error
//	    2      77.6%       97.5%
//	    8      31.2%       47.1%
//	   10      25.9%       39.4%
//	   20      13.9%       21.6%
//	   64       4.6%        7.2%     (a team of 8 caseworkers, 8 cases each)
//	  200       1.5%        2.3%     (a department of 25 caseworkers)
//
// So a caseworker's own 8 cases a year cannot show that fewer than a third of their cases
// have an error; pooling per team or per year (Pool) is what makes an error rate
// informative. Report every rate with its n and its interval.
package sampling
