package graph

import (
	"fmt"
	"strconv"
	"sync/atomic"
	"time"
)

// Retention bounds what a store keeps of the past: the audit log and each article's
// list of previous versions. Without it both grow with every write: a 30-minute soak
// that rewrote 40 articles 78,141 times left 35,183 audit entries (11.2 MB) and
// article records of about 70 KB each in a file that grew from 16 to 242 MB.
//
// A zero field means no bound of that kind. Stores start with DefaultRetention; a
// Retainer changes it while running.
type Retention struct {
	// AuditKeep is how many audit entries are kept, the newest; 0 keeps any number.
	AuditKeep int `json:"audit_keep"`
	// AuditMaxAge drops audit entries older than this, counted back from the time of
	// the entry being appended (pruning happens on writes only); 0 keeps any age.
	AuditMaxAge time.Duration `json:"audit_max_age"`
	// VersionsKeep is how many earlier versions an article's PreviousVersions lists,
	// the newest; older ones are dropped in the transaction that writes the new
	// version. 0 lists every one.
	VersionsKeep int `json:"versions_keep"`
}

// Defaults of Retention.
const (
	// DefaultAuditKeep bounds the audit log to about 3 MB of store (an entry is about
	// 320 bytes): at 10 writes a second, the last 17 minutes; at 5,000 writes a day,
	// the last two days.
	DefaultAuditKeep = 10_000
	// DefaultAuditMaxAge drops entries after 90 days whatever their number: entries
	// hold client IP addresses, which are personal data not kept without need.
	DefaultAuditMaxAge = 90 * 24 * time.Hour
	// DefaultVersionsKeep lists an article's 20 newest earlier versions.
	DefaultVersionsKeep = 20
	// AuditPruneBatch is the most audit entries one append deletes: pruning is
	// amortised over the writes (each costs a few index seeks, never a scan), and a
	// log over a bound lowered meanwhile shrinks by up to this many entries per write.
	AuditPruneBatch = 64
)

// DefaultRetention is the retention a store starts with: bounded, so that a server
// that runs for months keeps a store of a bounded size when its articles are
// rewritten again and again.
var DefaultRetention = Retention{AuditKeep: DefaultAuditKeep, AuditMaxAge: DefaultAuditMaxAge, VersionsKeep: DefaultVersionsKeep}

// Validate refuses negative bounds.
func (r Retention) Validate() error {
	switch {
	case r.AuditKeep < 0:
		return Errorf(EINVALID, "audit retention of %d entries: want 0 (keep all) or more", r.AuditKeep)
	case r.AuditMaxAge < 0:
		return Errorf(EINVALID, "audit retention of %s: want 0 (any age) or a positive duration", r.AuditMaxAge)
	case r.VersionsKeep < 0:
		return Errorf(EINVALID, "versions retention of %d: want 0 (keep all) or more", r.VersionsKeep)
	}
	return nil
}

// String describes the retention in words, for the start-up line.
func (r Retention) String() string {
	audit := "every audit entry"
	switch {
	case r.AuditKeep > 0 && r.AuditMaxAge > 0:
		audit = fmt.Sprintf("the newest %d audit entries, none older than %s", r.AuditKeep, FormatAge(r.AuditMaxAge))
	case r.AuditKeep > 0:
		audit = fmt.Sprintf("the newest %d audit entries", r.AuditKeep)
	case r.AuditMaxAge > 0:
		audit = "audit entries of the last " + FormatAge(r.AuditMaxAge)
	}
	versions := "every previous version of an article"
	if r.VersionsKeep > 0 {
		versions = fmt.Sprintf("the newest %d previous versions of an article", r.VersionsKeep)
	}
	return "keeps " + audit + " and " + versions
}

// FormatAge writes a duration of whole days as "90d", any other as time.Duration does.
func FormatAge(d time.Duration) string {
	const day = 24 * time.Hour
	if d > 0 && d%day == 0 {
		return strconv.FormatInt(int64(d/day), 10) + "d"
	}
	return d.String()
}

// ParseAge reads a duration as time.ParseDuration does, or a whole number of days
// followed by "d" ("90d"); "0" is no bound.
func ParseAge(s string) (time.Duration, error) {
	if n := len(s); n > 1 && s[n-1] == 'd' {
		days, err := strconv.ParseInt(s[:n-1], 10, 64)
		if err != nil || days < 0 || days > 1<<20 {
			return 0, fmt.Errorf("%q: want a number of days such as 90d, or a duration such as 720h", s)
		}
		return time.Duration(days) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%q: want a number of days such as 90d, a duration such as 720h, or 0 for any age", s)
	}
	return d, nil
}

// Retainer is implemented by stores that apply a Retention (both backends).
type Retainer interface {
	// SetRetention replaces the bounds for the writes that follow; it fails with
	// EINVALID on a negative bound. Lowering a bound does not rewrite the store at
	// once: each audit append prunes up to AuditPruneBatch entries, and each article
	// drops its older versions when it is next written.
	SetRetention(r Retention) error
	// Retention returns the bounds in force.
	Retention() Retention
}

// RetentionSetting holds a store's Retention, read by its writes and changed by
// SetRetention while they run. The zero value holds DefaultRetention.
type RetentionSetting struct{ p atomic.Pointer[Retention] }

// Get returns the retention in force.
func (s *RetentionSetting) Get() Retention {
	if r := s.p.Load(); r != nil {
		return *r
	}
	return DefaultRetention
}

// Set validates r and puts it in force.
func (s *RetentionSetting) Set(r Retention) error {
	if err := r.Validate(); err != nil {
		return err
	}
	s.p.Store(&r)
	return nil
}

// CapVersions returns the newest keep entries of versions (oldest first, as
// PreviousVersions lists them); keep 0 returns versions whole.
func CapVersions(versions []ArticleVersion, keep int) []ArticleVersion {
	if keep <= 0 || len(versions) <= keep {
		return versions
	}
	return append([]ArticleVersion(nil), versions[len(versions)-keep:]...)
}

// AuditPrune says which audit entries an append prunes: those whose id sorts below
// Before (older than the age bound; "" when there is none), then the oldest entries
// while more than Keep are stored (0: no count bound), at most AuditPruneBatch in all.
type AuditPrune struct {
	Before string
	Keep   int
}

// AuditPruneFor returns what appending an entry written at t prunes under r.
func AuditPruneFor(r Retention, t time.Time) AuditPrune {
	p := AuditPrune{Keep: r.AuditKeep}
	if r.AuditMaxAge > 0 {
		// Ids begin with their time (NewAuditID): every id of an entry written before
		// the cutoff sorts below the cutoff's own prefix.
		p.Before = auditIDPrefix(t.Add(-r.AuditMaxAge))
	}
	return p
}

// auditIDPrefix is the part of NewAuditID that the time makes.
func auditIDPrefix(t time.Time) string {
	return "au_" + t.UTC().Format("20060102T150405.000000000Z")
}
