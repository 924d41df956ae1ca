//go:build !linux

package embedded

// releaseMapped does nothing outside Linux (see mapped_linux.go).
func (s *Store) releaseMapped(size int64) {}

// warmPageCache does nothing outside Linux (see mapped_linux.go).
func warmPageCache(path string, size int64) {}
