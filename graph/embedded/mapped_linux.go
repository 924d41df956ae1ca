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
	// The file can be longer than the pages in use (bbolt grows it ahead), and pages
	// past those that are in the page cache (warmPageCache) get mapped too when a
	// read faults near the end (the kernel maps the cached pages around a fault). Up
	// to the first map's length the file is always inside bbolt's map, which is never
	// shorter.
	if fi, err := os.Stat(s.path); err == nil {
		size = max(size, min(fi.Size(), s.mmapBytes))
	}
	size = (size + ps - 1) / ps * ps
	_, _, _ = unix.Syscall(unix.SYS_MADVISE, data, uintptr(size), uintptr(unix.MADV_DONTNEED))
}

// warmPageCache asks the kernel to read the first size bytes of the store file into
// the page cache (posix_fadvise WILLNEED on a descriptor of its own). The kernel
// starts the reads and returns; the pages go to the page cache only, not into the
// process's resident set (nothing is mapped), so the memory bounds are unchanged.
//
// Why: every read of the store goes through bbolt's memory map, and a read of a page
// that is not in the page cache is a major fault, which blocks the thread that took
// it inside the kernel. The Go runtime cannot hand that thread's processor to another
// goroutine (a fault is not a system call), so with GOMAXPROCS=1 every request waits
// for the disk, and bbolt maps the file MADV_RANDOM, so each fault reads one page.
// On a store whose pages had left the page cache, one core served 50 searches a
// second while using 8% of the core. Errors are ignored: reads then fault the pages
// in as before. The kernel reads at most its readahead window per call (128 KiB by
// default), whatever length is asked, so the file is advised window by window.
func warmPageCache(path string, size int64) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	for off := int64(0); off < size; off += warmChunk {
		if unix.Fadvise(int(f.Fd()), off, min(warmChunk, size-off), unix.FADV_WILLNEED) != nil {
			return
		}
	}
}

// warmChunk is the length of one WILLNEED advice: the kernel's default readahead
// window, which caps what one call reads.
const warmChunk = 128 << 10
