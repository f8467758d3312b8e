package extract

import (
	"io"
	"strconv"
	"strings"

	"github.com/opfolgning/opfolgning/problem"
	"github.com/opfolgning/opfolgning/supervision"
)

// ReadReviews reads supervision reviews from a CSV extract with one row per answered item.
// Columns, Danish or English: review/gennemgang (the review's ID), case/sag,
// selection/udvælgelse (udtrukket/drawn or valgt/chosen), draw/lodtrækning, reviewer/
// tilsynsførende, caseworker/rådgiver, team, date/dato, template/tjekliste, version,
// placement/anbringelse, child_conversation_relevant/børnesamtale_relevant and
// consent_required/samtykke_påkrævet (ja/nej, yes/no), item/tjekpunkt, answer/svar (ja, nej,
// ikke relevant, ikke vurderet, or yes, no, not-applicable, not-assessed), note/bemærkning,
// and the corrective action of a "no": action/handling, owner/ansvarlig, due/frist,
// action_closed/handling_lukket. Rows of one review must agree on its review-level fields.
// The reviews come in order of their first row; check them with supervision.ValidateReviews.
func ReadReviews(r io.Reader, opts CSVOptions) ([]supervision.Review, error) {
	c, err := newCSVReader(r, opts)
	if err != nil {
		return nil, err
	}
	return readReviews(c)
}

// ReadReviewsXLSX reads reviews from a sheet; see ReadReviews.
func ReadReviewsXLSX(r io.Reader, opts XLSXOptions) ([]supervision.Review, error) {
	c, closeAll, err := newXLSXReader(r, opts)
	if err != nil {
		return nil, err
	}
	defer closeAll()
	return readReviews(c)
}

func yesNo(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ja", "yes", "true", "1", "j", "y":
		return true, true
	case "nej", "no", "false", "0", "n", "":
		return false, true
	}
	return false, false
}

func readReviews(c *csvReader) ([]supervision.Review, error) {
	col := map[string]int{
		"review": c.column("review", "review_id", "gennemgang", "gennemgang_id"), "case": c.column("case", "sag"),
		"selection": c.column("selection", "udvælgelse", "udvaelgelse"), "draw": c.column("draw", "lodtrækning", "lodtraekning"),
		"reviewer": c.column("reviewer", "tilsynsførende", "tilsynsfoerende"), "caseworker": c.column("caseworker", "rådgiver", "raadgiver"),
		"team": c.column("team"), "date": c.column(dateColumns...), "template": c.column("template", "tjekliste"), "version": c.column("version"),
		"placement": c.column("placement", "anbringelse"), "conversation": c.column("child_conversation_relevant", "børnesamtale_relevant"),
		"consent": c.column("consent_required", "samtykke_påkrævet"), "item": c.column("item", "tjekpunkt"), "answer": c.column("answer", "svar"),
		"note": c.column("note", "bemærkning"), "action": c.column("action", "handling"), "owner": c.column("owner", "ansvarlig"),
		"due": c.column("due", "frist"), "closed": c.column("action_closed", "handling_lukket"),
	}
	head := problem.List{Unit: "row"}
	for _, need := range []string{"review", "case", "date", "template", "version", "item", "answer"} {
		if col[need] < 0 {
			head.Add(1, need, "%w", ErrMissingColumn)
		}
	}
	if err := head.Err("extract: reviews header"); err != nil {
		return nil, err
	}
	probs := problem.List{Unit: "row"}
	var out []supervision.Review
	index := map[string]int{}
	get := func(rec []string, name string) string { return cell(rec, col[name]) }
	for rec := range c.records(&probs) {
		rv := supervision.Review{ID: get(rec, "review"), Case: get(rec, "case"), Draw: get(rec, "draw"), Reviewer: get(rec, "reviewer"),
			Caseworker: get(rec, "caseworker"), Team: get(rec, "team"), Template: get(rec, "template")}
		switch strings.ToLower(get(rec, "selection")) {
		case "udtrukket", "drawn", "":
			rv.Selection = supervision.Drawn
		case "valgt", "chosen":
			rv.Selection = supervision.Chosen
		default:
			probs.Add(c.row, c.header[col["selection"]], "%q is neither udtrukket/drawn nor valgt/chosen", clip(get(rec, "selection")))
		}
		rv.Date = c.date(&probs, rec, col["date"], true)
		if v, err := strconv.Atoi(get(rec, "version")); err != nil {
			probs.Add(c.row, c.header[col["version"]], "%q: %w", clip(get(rec, "version")), ErrBadNumber)
		} else {
			rv.Version = v
		}
		for _, f := range []struct {
			name string
			dst  *bool
		}{{"placement", &rv.Facts.Placement}, {"conversation", &rv.Facts.ChildConversationRelevant}, {"consent", &rv.Facts.ConsentRequired}} {
			name, dst := f.name, f.dst
			if col[name] < 0 {
				continue
			}
			v, ok := yesNo(get(rec, name))
			if !ok {
				probs.Add(c.row, c.header[col[name]], "%q is not ja/nej", clip(get(rec, name)))
			}
			*dst = v
		}
		a := supervision.Answer{Item: get(rec, "item"), Note: get(rec, "note")}
		if err := a.Value.UnmarshalText([]byte(strings.ToLower(get(rec, "answer")))); err != nil {
			probs.Add(c.row, c.header[col["answer"]], "%v", err)
		}
		if col["action"] >= 0 && get(rec, "action") != "" {
			act := &supervision.Action{Text: get(rec, "action"), Owner: get(rec, "owner")}
			if col["due"] >= 0 {
				act.Due = c.date(&probs, rec, col["due"], true)
			}
			if col["closed"] >= 0 {
				act.Closed = c.date(&probs, rec, col["closed"], false)
			}
			a.Action = act
		}
		i, seen := index[rv.ID]
		if !seen {
			index[rv.ID] = len(out)
			rv.Answers = []supervision.Answer{a}
			out = append(out, rv)
			continue
		}
		first := &out[i]
		if first.Case != rv.Case || first.Date != rv.Date || first.Caseworker != rv.Caseworker || first.Team != rv.Team ||
			first.Template != rv.Template || first.Version != rv.Version || first.Facts != rv.Facts || first.Reviewer != rv.Reviewer {
			probs.Add(c.row, "", "disagrees with the review's earlier rows on its case, date, people, template or facts")
		}
		first.Answers = append(first.Answers, a)
	}
	if err := probs.Err("extract: reviews"); err != nil {
		return nil, err
	}
	return out, nil
}
