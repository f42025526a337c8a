// Package debian is what the lexicon generators (gen, gentr) read from the
// Debian system they run on: the versions of the installed packages they
// take data from, and the packages' copyright files, copied beside the data.
package debian

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// PackageVersion is the installed version of pkg; makeTarget names the make
// target that installs it, for the error.
func PackageVersion(pkg, makeTarget string) (string, error) {
	out, err := exec.Command("dpkg-query", "-W", "-f=${Version}", pkg).Output()
	if err != nil {
		return "", fmt.Errorf("dpkg-query %s: %w (is it installed? make %s installs it)", pkg, err, makeTarget)
	}
	return strings.TrimSpace(string(out)), nil
}

// CopyFiles copies every file of files (name in dir -> path it is read from)
// into dir; trim, when it names the file, cuts a copy down first (a
// copyright file that covers more packages than the one used).
func CopyFiles(dir string, files map[string]string, trim map[string]func([]byte) []byte) error {
	for name, path := range files {
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if cut := trim[name]; cut != nil {
			text = cut(text)
		}
		if err := os.WriteFile(filepath.Join(dir, name), text, 0o644); err != nil {
			return err
		}
	}
	return nil
}
