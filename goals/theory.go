package goals

import (
	"errors"
	"fmt"
	"slices"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/problem"
)

// Level is a node's place in a theory of change (forandringsteori): activities lead to
// outputs, outputs to outcomes in the short and the long term, and those to the impact, the
// political goal.
type Level uint8

const (
	Activity         Level = iota + 1 // aktivitet
	Output                            // output (leverance)
	ShortTermOutcome                  // kortsigtet resultat
	LongTermOutcome                   // langsigtet resultat
	Goal                              // politisk mål / effekt
)

// String returns the level's text code.
func (l Level) String() string {
	return [...]string{"invalid", "activity", "output", "short-term-outcome", "long-term-outcome", "goal"}[min(int(l), 5)]
}

// Label returns the level for readers in language l.
func (l Level) Label(lg lang.Language) string {
	return [...]lang.Text{{}, {Da: "Aktivitet", En: "Activity"}, {Da: "Output", En: "Output"},
		{Da: "Kortsigtet resultat", En: "Short-term outcome"}, {Da: "Langsigtet resultat", En: "Long-term outcome"},
		{Da: "Politisk mål", En: "Political goal"}}[min(int(l), 5)].In(lg)
}

// Node is an activity, an output, an outcome or a goal of a theory of change.
type Node struct {
	ID         string
	Level      Level
	Name       lang.Text
	Indicators []string // IDs of indicators in TheoryOfChange.Indicators
	// Qualitative marks a goal that is followed up by cases and narratives only.
	Qualitative bool
	Evidence    []QualitativeEvidence
	// Cadence is when a goal is evaluated (e.g. yearly with the committee).
	Cadence Cadence
}

// Link is an expected causal step from one node to a node at a higher level, with the
// rationale and the assumptions it rests on (antagelser).
type Link struct {
	From, To    string
	Rationale   lang.Text
	Assumptions []lang.Text
}

// TheoryOfChange is a graph of activities → outputs → outcomes → goals with indicators
// attached to any node.
type TheoryOfChange struct {
	Name       lang.Text
	Nodes      []Node
	Links      []Link
	Indicators []Indicator
}

// Sentinel errors wrapped by TheoryOfChange.Validate's problems.
var (
	ErrDuplicateID = errors.New("duplicate ID")
	ErrDangling    = errors.New("refers to an unknown node or indicator")
	ErrCycle       = errors.New("cycle")
	ErrLevel       = errors.New("a link must lead to a higher level")
	ErrNoGoal      = errors.New("does not lead to any goal")
	ErrUnmeasured  = errors.New("goal has no indicator and is not marked qualitative")
	ErrNotGoal     = errors.New("not a goal")
)

// Validate checks the theory of change and reports every problem: unique node and
// indicator IDs, valid levels, links between existing nodes and upward in level (which
// also rules out cycles), every activity, output and outcome reaching a goal, every goal
// having an indicator or being marked qualitative, indicator references existing, and every
// indicator valid. Problems name nodes as "nodes[i]", links as "links[i]" and indicators as
// "indicators[i]" in Field; Record is the position in that list.
func (tc TheoryOfChange) Validate() error {
	var l problem.List
	nodes := map[string]int{}
	for i, n := range tc.Nodes {
		switch _, dup := nodes[n.ID]; {
		case n.ID == "":
			l.Add(i, "nodes.id", "%w", ErrNoID)
		case dup:
			l.Add(i, "nodes.id", "%w", ErrDuplicateID)
		default:
			nodes[n.ID] = i
		}
		if n.Level < Activity || n.Level > Goal {
			l.Add(i, "nodes.level", "level %d is not a level", n.Level)
		}
	}
	inds := map[string]bool{}
	for i, ind := range tc.Indicators {
		if inds[ind.ID] {
			l.Add(i, "indicators.id", "%w", ErrDuplicateID)
		}
		inds[ind.ID] = true
		var sub problem.List
		ind.validate(&sub, i)
		if err := sub.Err(""); err != nil {
			var perr *problem.Error
			errors.As(err, &perr)
			for _, p := range perr.Problems {
				l.Add(i, "indicators."+p.Field, "%w", p.Err)
			}
		}
	}
	for i, n := range tc.Nodes {
		for _, id := range n.Indicators {
			if !inds[id] {
				l.Add(i, "nodes.indicators", "indicator %q %w", id, ErrDangling)
			}
		}
		if n.Level == Goal && len(n.Indicators) == 0 && !n.Qualitative {
			l.Add(i, "nodes.indicators", "%w", ErrUnmeasured)
		}
	}
	for i, k := range tc.Links {
		a, okA := nodes[k.From]
		b, okB := nodes[k.To]
		if !okA || !okB {
			l.Add(i, "links", "%w", ErrDangling)
			continue
		}
		if tc.Nodes[b].Level <= tc.Nodes[a].Level {
			l.Add(i, "links", "%s → %s: %w (%w)", tc.Nodes[a].Level, tc.Nodes[b].Level, ErrLevel, ErrCycle)
		}
	}
	if l.Len() == 0 {
		reaches := tc.reachesGoal(nodes)
		for i, n := range tc.Nodes {
			if n.Level != Goal && !reaches[i] {
				l.Add(i, "nodes", "%w", ErrNoGoal)
			}
		}
	}
	return l.Err("goals: theory of change")
}

// reachesGoal marks the nodes from which a goal can be reached; links go up in level, so
// visiting nodes from the highest level down settles each node after its successors.
func (tc TheoryOfChange) reachesGoal(nodes map[string]int) []bool {
	out := make([][]int, len(tc.Nodes))
	for _, k := range tc.Links {
		out[nodes[k.From]] = append(out[nodes[k.From]], nodes[k.To])
	}
	order := make([]int, len(tc.Nodes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return int(tc.Nodes[b].Level) - int(tc.Nodes[a].Level) })
	reaches := make([]bool, len(tc.Nodes))
	for _, i := range order {
		if tc.Nodes[i].Level == Goal {
			reaches[i] = true
			continue
		}
		for _, j := range out[i] {
			reaches[i] = reaches[i] || reaches[j]
		}
	}
	return reaches
}

// Upstream returns the nodes from which a link path leads to node id, in the order of
// Nodes: everything that is expected to contribute to it.
func (tc TheoryOfChange) Upstream(id string) ([]Node, error) {
	if err := tc.Validate(); err != nil {
		return nil, err
	}
	nodes := map[string]int{}
	for i, n := range tc.Nodes {
		nodes[n.ID] = i
	}
	target, ok := nodes[id]
	if !ok {
		return nil, fmt.Errorf("goals: node %q %w", id, ErrDangling)
	}
	in := make([][]int, len(tc.Nodes))
	for _, k := range tc.Links {
		in[nodes[k.To]] = append(in[nodes[k.To]], nodes[k.From])
	}
	seen := make([]bool, len(tc.Nodes))
	stack := []int{target}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, j := range in[i] {
			if !seen[j] {
				seen[j] = true
				stack = append(stack, j)
			}
		}
	}
	var out []Node
	for i, n := range tc.Nodes {
		if seen[i] {
			out = append(out, n)
		}
	}
	return out, nil
}

// Contributors returns the IDs of the activities that contribute to goal id, in the order
// of Nodes.
func (tc TheoryOfChange) Contributors(id string) ([]string, error) {
	up, err := tc.Upstream(id)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, n := range up {
		if n.Level == Activity {
			ids = append(ids, n.ID)
		}
	}
	return ids, nil
}
