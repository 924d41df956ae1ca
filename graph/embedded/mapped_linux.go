package embedded

import (
	"os"

	"golang.org/x/sys/unix"
)

// releaseMapped tells the kernel that the process no longer needs the pages of the
// store file it has mapped, up to size bytes (madvise MADV_DONTNEED on bbolt's
// read-only shared map): they leave the process's resident set and stay in the page
// cache, and a later read maps them again from there. A write in pieces reads the
// index pages it changes through the map, piece after piece; without this they stayed
// resident (271 MB on the 2 MiB worst-case article) although nothing read them again.
// Errors are ignored: the pages then stay resident, as before.
func (s *Store) releaseMapped(size int64) {
	data := s.db.Info().Data
	ps := int64(os.Getpagesize())
	if data == 0 || size <= 0 {
		return
	}
	size = (size + ps - 1) / ps * ps
	_, _, _ = unix.Syscall(unix.SYS_MADVISE, data, uintptr(size), uintptr(unix.MADV_DONTNEED))
}
