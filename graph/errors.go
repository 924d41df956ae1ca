package graph

import (
	"errors"
	"fmt"
)

// Error codes returned by Store methods. They are stable: the API maps them to HTTP
// status codes and problem types, and callers branch on them.
const (
	ENOTFOUND    = "not_found"   // the requested id does not exist
	EINVALID     = "invalid"     // the input failed validation; nothing was written
	EUNAVAILABLE = "unavailable" // the backend could not be reached; retrying may help
	EFORBIDDEN   = "forbidden"   // a WriteGuard refused the write: the article is another writer's; nothing was written
	EINTERNAL    = "internal"    // anything else; details are for logs, not clients
)

// Error is a domain error with a stable Code and a message safe to show to a client.
type Error struct {
	Code    string
	Message string
	Err     error // underlying cause, for logs; never shown to API clients
}

// Error implements error.
func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// ErrDangling is the cause of an EINTERNAL error saying that a record read names
// another record the same read did not find. A store with read-committed isolation
// (Neo4j) can show it while a write commits: the write's property updates become
// visible before its index entries, so a read may retry; in a store with snapshot
// reads it means corruption.
var ErrDangling = errors.New("dangling reference")

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an *Error with the given code and message that wraps cause.
func Wrap(code string, cause error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: cause}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for any
// other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the client-safe message of the first *Error in err's chain,
// or "Internal error." for any other error.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}
