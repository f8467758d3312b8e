package sampling

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
)

// Ticket is a case's lottery ticket in a draw: the SHA-256 of the UTF-8 bytes of
// seed + "," + caseID. Tickets order by their bytes; a draw takes the smallest.
//
// Because a ticket depends only on the seed and the case's own ID, the order of two cases
// never depends on the input order or on which other cases exist, and anyone with the seed
// and the IDs can recompute it (see the package documentation for a recipe).
type Ticket [sha256.Size]byte

// TicketOf returns the ticket of caseID under seed.
func TicketOf(seed, caseID string) Ticket {
	return ticketWith(nil, seed, caseID)
}

// ticketWith computes a ticket using buf as scratch space for seed + "," + caseID.
func ticketWith(buf []byte, seed, caseID string) Ticket {
	buf = append(append(append(buf[:0], seed...), ','), caseID...)
	return sha256.Sum256(buf)
}

// String returns the ticket as 64 lowercase hexadecimal digits, as sha256sum prints it.
func (t Ticket) String() string { return hex.EncodeToString(t[:]) }

// Compare returns −1, 0 or +1 as t orders before, equal to or after u (by bytes).
func (t Ticket) Compare(u Ticket) int { return bytes.Compare(t[:], u[:]) }

// Uniform reads the ticket as a number u in (0, 1]: (the first 8 bytes as a big-endian
// integer, shifted right by 11 to 53 bits, plus 1) / 2⁵³. Priority sampling divides by it.
func (t Ticket) Uniform() float64 {
	return float64(binary.BigEndian.Uint64(t[:8])>>11+1) / (1 << 53)
}

// PeriodSeed derives the seed of one period of a year's plan from the year's seed and the
// period's label: the hexadecimal ticket of the label under the year's seed, i.e.
// SHA-256(yearSeed + "," + label). One published seed a year thus fixes every period's draw
// in advance, and no period's draw can be chosen after seeing another's.
func PeriodSeed(yearSeed, label string) string { return TicketOf(yearSeed, label).String() }
