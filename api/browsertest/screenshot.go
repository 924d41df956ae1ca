package browsertest

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"

	"github.com/chromedp/chromedp"
)

// Screenshot takes a PNG of the viewport (full false) or of the whole page, and
// returns it. When path is not empty it also writes it there, creating directories.
func (tab *Tab) Screenshot(path string, full bool) []byte {
	tab.t.Helper()
	var buf []byte
	if full {
		// Quality 100 makes chromedp capture PNG rather than JPEG.
		buf = Get(tab, chromedp.FullScreenshot(100))
	} else {
		buf = Get(tab, chromedp.CaptureScreenshot())
	}
	if _, err := png.DecodeConfig(bytes.NewReader(buf)); err != nil {
		tab.t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if path != "" {
		if err := writeFile(path, buf); err != nil {
			tab.t.Fatal(err)
		}
	}
	return buf
}

func writeFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("creating the directory of %s: %w", path, err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
