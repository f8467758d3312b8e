package goals

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/opfolgning/opfolgning/internal/stat"
	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/problem"
)

// Answer is an answer on the survey scale of the Danish follow-up surveys (svarkategori).
type Answer uint8

const (
	HighDegree   Answer = iota // i høj grad, code "high"
	SomeDegree                 // i nogen grad, code "some"
	LesserDegree               // i mindre grad, code "lesser"
	NotAtAll                   // slet ikke, code "not-at-all"
	DontKnow                   // ved ikke, code "dont-know"
	numAnswers
)

var answerText = [numAnswers]struct {
	code  string
	label lang.Text
}{
	{"high", lang.Text{Da: "I høj grad", En: "To a high degree"}},
	{"some", lang.Text{Da: "I nogen grad", En: "To some degree"}},
	{"lesser", lang.Text{Da: "I mindre grad", En: "To a lesser degree"}},
	{"not-at-all", lang.Text{Da: "Slet ikke", En: "Not at all"}},
	{"dont-know", lang.Text{Da: "Ved ikke", En: "Don't know"}},
}

// ErrUnknownAnswer is wrapped by the errors of ParseAnswer.
var ErrUnknownAnswer = errors.New("unknown survey answer")

// String returns the answer's text code.
func (a Answer) String() string {
	if a >= numAnswers {
		return fmt.Sprintf("Answer(%d)", uint8(a))
	}
	return answerText[a].code
}

// Label returns the answer for readers in language l.
func (a Answer) Label(l lang.Language) string {
	if a >= numAnswers {
		return a.String()
	}
	return answerText[a].label.In(l)
}

// ParseAnswer reads an answer from its code or its Danish or English label, ignoring case.
func ParseAnswer(s string) (Answer, error) {
	s = strings.TrimSpace(s)
	for a := range numAnswers {
		t := answerText[a]
		if strings.EqualFold(s, t.code) || strings.EqualFold(s, t.label.Da) || strings.EqualFold(s, t.label.En) {
			return a, nil
		}
	}
	return 0, fmt.Errorf("%q: %w", s, ErrUnknownAnswer)
}

// MarshalText implements encoding.TextMarshaler.
func (a Answer) MarshalText() ([]byte, error) {
	if a >= numAnswers {
		return nil, fmt.Errorf("%s: %w", a, ErrUnknownAnswer)
	}
	return []byte(a.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseAnswer.
func (a *Answer) UnmarshalText(b []byte) error {
	v, err := ParseAnswer(string(b))
	if err == nil {
		*a = v
	}
	return err
}

// Responses counts the answers of one group to one question (besvarelser), e.g. the
// leaders' or the caseworkers'. Counts is indexed by Answer.
type Responses struct {
	Group  string
	Counts [numAnswers]int
}

// Total returns the number of answers, "don't know" included.
func (r Responses) Total() int {
	n := 0
	for _, c := range r.Counts {
		n += c
	}
	return n
}

// SurveyOptions configures TopTwo and CompareTopTwo.
type SurveyOptions struct {
	// IncludeDontKnow keeps "ved ikke" in the denominator; by default it is left out and
	// reported separately.
	IncludeDontKnow bool
	// Confidence of the Wilson interval; 0 means 0.95.
	Confidence float64
}

// Share is a proportion with its counts and interval.
type Share struct {
	K, N     int // the count and its denominator
	Share    float64
	Interval Interval // Wilson score interval
	DontKnow int      // "ved ikke" answers, reported whether or not in N
}

// TopTwo returns the share answering "to a high or some degree" (i høj eller nogen grad)
// with its Wilson interval. "Don't know" is outside the denominator unless
// opts.IncludeDontKnow. No answers in the denominator is an error wrapping
// ErrInsufficientData.
func (r Responses) TopTwo(opts SurveyOptions) (Share, error) {
	var l problem.List
	for a, c := range r.Counts {
		if c < 0 {
			l.Add(0, "counts["+Answer(a).String()+"]", "negative count %d", c)
		}
	}
	if err := l.Err("goals: responses"); err != nil {
		return Share{}, err
	}
	conf := opts.Confidence
	if conf == 0 {
		conf = 0.95
	}
	s := Share{K: r.Counts[HighDegree] + r.Counts[SomeDegree], N: r.Total(), DontKnow: r.Counts[DontKnow]}
	if !opts.IncludeDontKnow {
		s.N -= s.DontKnow
	}
	iv, err := stat.Wilson(s.K, s.N, conf)
	if err != nil {
		return s, fmt.Errorf("goals: group %q: %w", r.Group, err)
	}
	s.Share, s.Interval = float64(s.K)/float64(s.N), iv
	return s, nil
}

// Comparison compares the top-two shares of two groups.
type Comparison struct {
	A, B       Share
	Difference float64 // A.Share − B.Share
	// P is the two-sided P of Pearson's χ² test without continuity correction, R's
	// prop.test(c(kA, kB), c(nA, nB), correct = FALSE).
	P float64
}

// CompareTopTwo compares the top-two shares of two groups, for instance leaders and
// caseworkers, with Pearson's χ² test (R's prop.test, correct = FALSE).
func CompareTopTwo(a, b Responses, opts SurveyOptions) (Comparison, error) {
	sa, err := a.TopTwo(opts)
	if err != nil {
		return Comparison{}, err
	}
	sb, err := b.TopTwo(opts)
	if err != nil {
		return Comparison{}, err
	}
	d, p, err := stat.TwoProportions(sa.K, sa.N, sb.K, sb.N)
	if err != nil {
		return Comparison{}, fmt.Errorf("goals: %w", err)
	}
	return Comparison{A: sa, B: sb, Difference: d, P: p}, nil
}

// Observation returns the top-two share as an observation of a Survey indicator at date.
func (s Share) Observation(date time.Time) Observation {
	return Observation{Date: date, Value: 100 * s.Share, Numerator: s.K, Denominator: s.N}
}
