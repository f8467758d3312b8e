package interventions

import (
	"fmt"
	"strings"

	"github.com/opfolgning/opfolgning/lang"
)

// Ore is an amount of money in øre, 1/100 of a krone. Money is never a float.
type Ore int64

// Kroner formats the amount in kroner for readers: "12.345,50 kr." in Danish,
// "DKK 12,345.50" in English.
func (o Ore) Kroner(l lang.Language) string {
	sign := ""
	v := int64(o)
	if v < 0 {
		sign, v = "-", -v
	}
	whole := fmt.Sprint(v / 100)
	sep, dec := ".", ","
	if l == lang.English {
		sep, dec = ",", "."
	}
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if l == lang.English {
		return fmt.Sprintf("%sDKK %s%s%02d", sign, b.String(), dec, v%100)
	}
	return fmt.Sprintf("%s%s%s%02d kr.", sign, b.String(), dec, v%100)
}

// String returns the amount in Danish kroner.
func (o Ore) String() string { return o.Kroner(lang.Danish) }

// PriceUnit is what a price is per (takst pr.).
type PriceUnit uint8

const (
	PerDay   PriceUnit = iota + 1 // pr. døgn
	PerWeek                       // pr. uge
	PerMonth                      // pr. måned (1/12 of a 365-day year)
	PerYear                       // pr. år (365 days)
	PerHour                       // pr. time, with the scope in hours a week
)

var unitCodes = map[PriceUnit]string{PerDay: "day", PerWeek: "week", PerMonth: "month", PerYear: "year", PerHour: "hour"}

// String returns the unit's text code.
func (u PriceUnit) String() string {
	if c, ok := unitCodes[u]; ok {
		return c
	}
	return fmt.Sprintf("PriceUnit(%d)", uint8(u))
}

// ParsePriceUnit reads a unit from its code or its Danish name (døgn/dag, uge, måned, år, time).
func ParsePriceUnit(s string) (PriceUnit, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "day", "døgn", "dag":
		return PerDay, nil
	case "week", "uge":
		return PerWeek, nil
	case "month", "måned", "md", "md.":
		return PerMonth, nil
	case "year", "år":
		return PerYear, nil
	case "hour", "time":
		return PerHour, nil
	}
	return 0, fmt.Errorf("interventions: unknown price unit %q", s)
}

// Price is a price per unit (takst).
type Price struct {
	Amount Ore
	Per    PriceUnit
}

// roundDiv returns num/den rounded to the nearest integer, halves away from zero.
func roundDiv(num, den int64) int64 {
	if (num < 0) != (den < 0) {
		return -((-num + den/2) / den)
	}
	return (num + den/2) / den
}

// cost returns the cost of days calendar days at price p with the scope in hundredths (hours
// a week for PerHour prices; days a month for PerDay prices, 0 meaning every day), rounded
// to the øre:
//
//	day: A·d  (A·D·12·d/365 at D days a month)   week: A·d/7   month: A·12·d/365
//	year: A·d/365   hour: A·h·d/7
func (p Price) cost(days int64, hundredthHours int64) Ore {
	a := int64(p.Amount)
	switch p.Per {
	case PerDay:
		if hundredthHours > 0 { // D days a month
			return Ore(roundDiv(a*hundredthHours*12*days, 36500))
		}
		return Ore(a * days)
	case PerWeek:
		return Ore(roundDiv(a*days, 7))
	case PerMonth:
		return Ore(roundDiv(a*12*days, 365))
	case PerYear:
		return Ore(roundDiv(a*days, 365))
	case PerHour:
		return Ore(roundDiv(a*hundredthHours*days, 700))
	}
	return 0
}
