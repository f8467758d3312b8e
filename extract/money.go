package extract

import (
	"fmt"
	"strings"
)

// ParseKroner reads an amount in kroner, with a decimal comma or point, at most two decimals,
// an optional thousands separator of the other kind and an optional "kr." suffix, and returns
// it in øre exactly: "12.345,50" is 1234550. Money never passes through a float. When only
// one kind of separator appears and the last one is followed by exactly three digits, it
// groups thousands ("1.500.000", "1.500" and "1,500" are all 1,500 or 1.5 million kroner,
// never 1.5): an amount has at most two decimals.
func ParseKroner(s string) (int64, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "kr."))
	s = strings.TrimSpace(strings.TrimSuffix(s, "kr"))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	// Decide which mark is decimal and which groups thousands.
	c, d := strings.LastIndexByte(s, ','), strings.LastIndexByte(s, '.')
	var group byte
	whole, frac := s, ""
	switch {
	case c >= 0 && d >= 0: // both: the later is the decimal mark
		dec := max(c, d)
		whole, frac = s[:dec], s[dec+1:]
		group = s[min(c, d)]
	case c >= 0 || d >= 0:
		sep := s[max(c, d)]
		if strings.Count(s, string(sep)) == 1 && len(s)-max(c, d)-1 != 3 {
			whole, frac = s[:max(c, d)], s[max(c, d)+1:]
			if frac == "" {
				return 0, ErrBadNumber
			}
		} else {
			group = sep
		}
	}
	if len(frac) > 2 {
		return 0, ErrBadNumber
	}
	if group != 0 {
		parts := strings.Split(whole, string(group))
		for i, p := range parts {
			if (i == 0 && (len(p) < 1 || len(p) > 3)) || (i > 0 && len(p) != 3) {
				return 0, ErrBadNumber
			}
		}
		whole = strings.Join(parts, "")
	}
	if whole == "" || len(whole) > 16 {
		return 0, ErrBadNumber
	}
	var v int64
	for _, r := range whole + (frac + "00")[:2] {
		if r < '0' || r > '9' {
			return 0, ErrBadNumber
		}
		v = v*10 + int64(r-'0')
	}
	if neg {
		v = -v
	}
	return v, nil
}

// FormatKroner writes øre as kroner with a decimal comma and thousands points, Danish style:
// 1234550 is "12.345,50".
func FormatKroner(ore int64) string {
	sign := ""
	if ore < 0 {
		sign, ore = "-", -ore
	}
	whole := fmt.Sprint(ore / 100)
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return fmt.Sprintf("%s%s,%02d", sign, b.String(), ore%100)
}
