package plan

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/opfolgning/opfolgning/lang"
)

// WriteICS writes the wheel's occurrences as an iCalendar file (RFC 5545) that Outlook and
// other calendars import: one all-day VEVENT per occurrence, with the activity's name (and
// focus) as SUMMARY, its performer, purposes and recipients in DESCRIPTION, and its kind in
// CATEGORIES. UIDs are stable: activity ID, date and domain. stamp is the DTSTAMP of every
// event: pass the time of the export (the library reads no clock). Lines end in CRLF and
// are folded at 75 octets; text is escaped as section 3.3.11 requires.
func WriteICS(w io.Writer, wh *Wheel, l lang.Language, domain string, stamp time.Time) error {
	if err := wh.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	line := func(s string) { writeFolded(bw, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//opfolgning//aarshjul//" + strings.ToUpper(l.String()))
	line("CALSCALE:GREGORIAN")
	line("X-WR-CALNAME:" + escapeText(lang.Text{Da: fmt.Sprintf("Årshjul %d", wh.Year), En: fmt.Sprintf("Annual wheel %d", wh.Year)}.In(l)))
	for _, o := range wh.Occurrences() {
		a := o.Activity
		summary := a.Name.In(l)
		if f := o.Focus.In(l); f != "" {
			summary += ": " + f
		}
		var purposes, recipients []string
		for _, p := range a.Purposes {
			purposes = append(purposes, p.Label(l))
		}
		for _, r := range a.Recipients {
			recipients = append(recipients, r.Label(l))
		}
		desc := fmt.Sprintf("%s: %s\n%s: %s\n%s: %s", lang.Text{Da: "Udføres af", En: "Performed by"}.In(l), a.Performer,
			lang.Text{Da: "Formål", En: "Purpose"}.In(l), strings.Join(purposes, ", "),
			lang.Text{Da: "Modtagere", En: "Recipients"}.In(l), strings.Join(recipients, ", "))
		line("BEGIN:VEVENT")
		line(fmt.Sprintf("UID:%s-%s@%s", a.ID, o.Date.Format("20060102"), domain))
		line("DTSTAMP:" + stamp.UTC().Format("20060102T150405Z"))
		line("DTSTART;VALUE=DATE:" + o.Date.Format("20060102"))
		line("DTEND;VALUE=DATE:" + o.Date.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY:" + escapeText(summary))
		line("DESCRIPTION:" + escapeText(desc))
		line("CATEGORIES:" + escapeText(a.Kind.Label(l)))
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return bw.Flush()
}

// escapeText escapes a TEXT value: backslash, semicolon, comma and newline.
func escapeText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`, "\r", "").Replace(s)
}

// writeFolded writes one content line, folded so that no line exceeds 75 octets, without
// splitting a UTF-8 character, each line ending in CRLF.
func writeFolded(w *bufio.Writer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && s[cut]&0xC0 == 0x80 { // do not cut inside a UTF-8 sequence
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space of a continuation line counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}
