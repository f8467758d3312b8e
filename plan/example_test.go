package plan_test

import (
	"fmt"
	"time"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/plan"
)

// A small annual wheel: quarterly supervision and a yearly goal follow-up with the committee.
func ExampleWheel_Occurrences() {
	w := &plan.Wheel{Year: 2026, Activities: []plan.Activity{
		{ID: "tilsyn", Name: lang.Text{Da: "Ledelsestilsyn"}, Kind: plan.Supervision, Performer: "teamleder",
			Recipients: []plan.Recipient{plan.Caseworkers}, Cadence: plan.Cadence{Frequency: plan.Quarterly, First: time.February}, Hours: 12},
		{ID: "mål", Name: lang.Text{Da: "Målopfølgning"}, Kind: plan.GoalFollowUp, Performer: "afdelingschef",
			Recipients: []plan.Recipient{plan.PoliticalLevel}, Cadence: plan.Cadence{Frequency: plan.Yearly, First: time.March}, Hours: 20},
	}}
	if err := w.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range w.Occurrences() {
		fmt.Println(o.Date.Format("2006-01-02"), o.Activity.Name.In(lang.Danish), "→", o.Activity.Recipients[0].Label(lang.Danish))
	}
	// Output:
	// 2026-02-01 Ledelsestilsyn → sagsbehandlere
	// 2026-03-01 Målopfølgning → politisk niveau
	// 2026-05-01 Ledelsestilsyn → sagsbehandlere
	// 2026-08-01 Ledelsestilsyn → sagsbehandlere
	// 2026-11-01 Ledelsestilsyn → sagsbehandlere
}
