// Package graph holds claimgraph's domain model and the Store contract that every
// storage backend implements.
//
// # Model
//
// An Article (published by an Outlet, written by its authors) contains Statements.
// A Statement is one occurrence of a Claim in one article: who said it (the speaker,
// an Agent), the cue ("said", "according to"), whether it was quoted directly or
// reported, the agencies it came through ("reported by the Associated Press") and the
// evidence spans, as character offsets in the article text. The same Claim reported by
// several articles or speakers is one Claim with several Statements. A Dispute records
// that an Agent disputes, denies, rejects... a Claim or another Agent. ClaimLinks tie
// claims that conflict (their numbers disagree) or corroborate each other.
//
// # W3C PROV
//
// The model maps onto PROV-O so that exports can follow it:
//   - Article, Claim and Statement are prov:Entity; Outlet and Agent are prov:Agent.
//   - Article prov:wasAttributedTo its Outlet and authors.
//   - Statement prov:wasDerivedFrom its Article (the evidence is a part of the article).
//   - Statement prov:wasAttributedTo its speaker Agent; when it came through an agency
//     ("according to the AP"), the Statement prov:wasQuotedFrom ... the agency's report,
//     recorded as Via agents in citation order.
//   - Claim is the prov:Entity that every Statement specializes (prov:specializationOf).
//   - A Dispute is a prov:Activity-like assertion by its disputer about a Claim or Agent.
//
// # Identity
//
// Every id is derived from content (see ids.go), so writing the same article twice
// creates nothing new, and the same person named in two articles is one Agent.
//
// # Errors
//
// Store methods return *Error values with a stable Code (ENOTFOUND, EINVALID,
// EUNAVAILABLE, EINTERNAL); use ErrorCode to read it. The API maps codes to HTTP status.
package graph
