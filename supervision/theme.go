package supervision

import (
	"fmt"

	"github.com/opfolgning/opfolgning/goals"
	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/problem"
)

// FocusPoint is one of the five focus points A–E of a themed supervision (fokuspunkt).
type FocusPoint struct {
	Letter string    `json:"letter"` // "A" .. "E"
	Text   lang.Text `json:"text"`
}

// ThemedTemplate is a themed supervision (tematiseret ledelsestilsyn): a theme, three
// questions asked against each of five focus points A–E (seed 003).
type ThemedTemplate struct {
	ID          string        `json:"id"`
	Version     int           `json:"version"`
	Theme       lang.Text     `json:"theme"`
	Questions   [3]lang.Text  `json:"questions"`
	FocusPoints [5]FocusPoint `json:"focus_points"`
}

// ThemedAnswer is the answer to one question at one focus point: an assessment on the survey
// scale (i høj grad .. ved ikke; see goals.Answer), which question 1 needs, and free text,
// which questions 2 and 3 need.
type ThemedAnswer struct {
	Question   int           `json:"question"` // 1, 2 or 3
	Focus      string        `json:"focus"`    // "A" .. "E"
	Assessment *goals.Answer `json:"assessment,omitempty"`
	Note       string        `json:"note,omitempty"`
}

// validateThemed checks themed answers against their template; problems name answers by
// position within review rec.
func validateThemed(l *problem.List, rec int, t ThemedTemplate, answers []ThemedAnswer) {
	seen := map[string]int{}
	for i, a := range answers {
		f := fmt.Sprintf("themed[%d]", i)
		if a.Question < 1 || a.Question > 3 {
			l.Add(rec, f+".question", "question %d is not 1, 2 or 3", a.Question)
		}
		ok := false
		for _, fp := range t.FocusPoints {
			ok = ok || fp.Letter == a.Focus
		}
		if !ok {
			l.Add(rec, f+".focus", "focus point %q is not in the template: %w", a.Focus, ErrUnknownItem)
		}
		k := fmt.Sprint(a.Question, a.Focus)
		if j, dup := seen[k]; dup {
			l.Add(rec, f, "question %d, focus %s answered twice (also themed[%d])", a.Question, a.Focus, j)
		}
		seen[k] = i
		if a.Question == 1 && a.Assessment == nil {
			l.Add(rec, f+".assessment", "question 1 needs an assessment")
		}
	}
}

func focusPoints(texts [5][2]string) [5]FocusPoint {
	var out [5]FocusPoint
	for i, t := range texts {
		out[i] = FocusPoint{Letter: string(rune('A' + i)), Text: lang.Text{Da: t[0], En: t[1]}}
	}
	return out
}

// NetworkInvolvement is the themed supervision "involvement of the network" (inddragelse af
// netværk), in the wording of seed 003.
func NetworkInvolvement() ThemedTemplate {
	return ThemedTemplate{
		ID: "network-involvement", Version: 1,
		Theme: lang.Text{Da: "Inddragelse af netværk", En: "Involvement of the network"},
		Questions: [3]lang.Text{
			{Da: "Har sagsbehandlingen været præget af inddragelse på en relevant og tilstrækkelig måde?", En: "Has the case handling shown involvement in a relevant and sufficient way?"},
			{Da: "Hvis sagsbehandlingen har været præget af inddragelse, uddybes det så hvorfor og hvordan?", En: "If it has shown involvement, why and how?"},
			{Da: "Hvis sagsbehandlingen i højere grad kunne have været præget af inddragelse, uddybes det så hvordan og hvorfor?", En: "If it could have shown more involvement, how and why?"},
		},
		FocusPoints: focusPoints([5][2]string{
			{"Inddragelse af barnet eller den unge på en relevant og tilstrækkelig måde.", "Involvement of the child or young person in a relevant and sufficient way."},
			{"Inddragelse af forældrene på en relevant og tilstrækkelig måde.", "Involvement of the parents in a relevant and sufficient way."},
			{"Relevant og tilstrækkelig inddragelse af det samlede netværk.", "Relevant and sufficient involvement of the wider network."},
			{"Relevant og tilstrækkelig inddragelse af børnefaglig ekspertise internt i kommunen og eventuelt også gennem inddragelse af eksterne vejledningsressourcer.", "Relevant and sufficient involvement of child-professional expertise inside the municipality, and possibly of external advice."},
			{"Relevant og tilstrækkeligt samarbejde internt i forvaltningen, mellem forvaltninger og mellem forvaltningen og skole, PPR, politi, sundhedsvæsen mv.", "Relevant and sufficient cooperation inside the administration, between administrations, and with school, PPR, police, health services etc."},
		}),
	}
}

// PurposeAndGoals is the themed supervision "purpose and goals in the action plan" (formål
// og mål i handleplanen), in the wording of seed 003.
func PurposeAndGoals() ThemedTemplate {
	return ThemedTemplate{
		ID: "purpose-and-goals", Version: 1,
		Theme: lang.Text{Da: "Formål og mål i handleplanen", En: "Purpose and goals in the action plan"},
		Questions: [3]lang.Text{
			{Da: "Er formuleringen af formål med og mål for indsatsen i handleplanen sket på en relevant og tilstrækkelig måde?", En: "Have the purpose and the goals of the measure been formulated in the action plan in a relevant and sufficient way?"},
			{Da: "Hvis handleplanens formål og mål er formuleret på en relevant og tilstrækkelig måde, uddybes det så hvorfor og hvordan?", En: "If they have, why and how?"},
			{Da: "Hvis handleplanens formål med og mål for indsatsen kunne styrkes, uddybes det så hvordan og hvorfor?", En: "If they could be strengthened, how and why?"},
		},
		FocusPoints: focusPoints([5][2]string{
			{"Relevant og tilstrækkelig sammenhæng med den faglige vurdering og med involveringen af barnet, eller den unge samt familien.", "Relevant and sufficient coherence with the professional assessment and with the involvement of the child or young person and the family."},
			{"Relevant og tilstrækkeligt indhold og omfang/antal.", "Relevant and sufficient content and number of goals."},
			{"Relevant og tilstrækkeligt operationelt, individuelt og tidsafgrænset indhold (SMARTe mål).", "Relevant and sufficient operational, individual and time-bound content (SMART goals)."},
			{"Understøttelse af samarbejdet med barnet eller den unge samt familien på en relevant og tilstrækkelig måde.", "Support of the cooperation with the child or young person and the family in a relevant and sufficient way."},
			{"Understøttelse af koordineringen mellem fagpersoner på en relevant og tilstrækkelig måde.", "Support of the coordination between professionals in a relevant and sufficient way."},
		}),
	}
}
