// Package embedded is claimgraph's zero-setup graph.Store: one bbolt file on disk, no
// server.
//
// # Basics
//
// Open a store with Open(ctx, path, nil); it creates the file when missing. Every
// PutArticle is one bbolt read-write transaction, so an article with all its
// statements, disputes, links, mentions and index entries is written whole or not at
// all, even when the process is killed mid-write (bbolt writes new pages, fsyncs, then
// switches its meta page; see TestCrashSafety). Reads run in read-only transactions
// in parallel with each other and with the single writer. Batch (graph.Batcher) runs
// many reads and PutArticles in one read-write transaction, one commit and one fsync
// for a whole batch of articles; its reads see its own writes.
//
// # Layout
//
// Records (articles, texts, outlets, agents, claims, statements, disputes, links) are
// JSON values keyed by id. Secondary index buckets hold composite keys of ids joined
// by NUL: statements by claim, claims by speaker, article, outlet, word, Counted and
// statement count, agents by name word and kind, and the edges of every node for
// Subgraph. A per-claim aggregate record counts statements and disputes per speaker,
// article, outlet and disputer, so a search result or a filter costs one read per
// claim instead of reading its statements. Stats are counters updated in each write.
//
// # Read cache
//
// Reads keep decoded records (claims, statements, agents, articles, outlets, claim
// aggregates, disputes, links) in a bounded in-memory cache (Options.CacheEntries per
// kind). A lookup still reads the record's stored bytes in its own transaction and
// serves the cached value only when they equal the bytes it was decoded from, so a
// write (agents merging roles and aliases, an article replaced, aggregates counting new
// statements) is seen at once and no transaction sees another snapshot's records; see
// cache.go and TestCacheNeverStale. Cached values are shared between readers and
// never modified; methods returning bare records (Claim, Agent, Agents, Article,
// ClaimsByCounted) return copies of their slices.
//
// # Caveats
//
//   - One process at a time may open a store for writing: bbolt holds an exclusive
//     file lock, and Open fails with EUNAVAILABLE after Options.Timeout.
//   - Writes are serialized; a large article blocks other writers for its commit.
//   - Ids must not contain NUL bytes (ids made by package graph never do).
//   - A claim search sorted by -statements sorts its matches in memory when its
//     narrowest filter (article, speaker, rarest text term) yields at most
//     collectLimit claims; otherwise it walks the count-ordered index and filters,
//     which is fast for broad filters and slow only for a rare combination of broad
//     filters (e.g. outlet plus disputed).
package embedded
