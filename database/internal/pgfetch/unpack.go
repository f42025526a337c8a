package pgfetch

import (
	"archive/tar"
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/ulikunitz/xz"
)

// maxUnpacked bounds what one build may unpack to (some hundred MB in practice),
// so that a hostile or broken archive cannot fill the disk.
const maxUnpacked = 2 << 30

// unpack extracts the .txz inside the jar into dest, by way of a scratch
// directory beside it. Files keep their execute bits and become readable by
// everyone, directories searchable by everyone: a root lector runs the
// server as an unprivileged account, which must be able to run the build.
func unpack(jar *os.File, dest string) error {
	fi, err := jar.Stat()
	if err != nil {
		return fmt.Errorf("reading the download: %w", err)
	}
	zr, err := zip.NewReader(jar, fi.Size())
	if err != nil {
		return fmt.Errorf("the downloaded PostgreSQL build is not a jar (zip): %w", err)
	}
	var txz *zip.File
	for _, f := range zr.File {
		if !f.FileInfo().IsDir() && strings.HasSuffix(f.Name, ".txz") {
			txz = f
			break
		}
	}
	if txz == nil {
		return errors.New("the downloaded PostgreSQL build holds no .txz archive")
	}
	rc, err := txz.Open()
	if err != nil {
		return fmt.Errorf("opening %s in the download: %w", txz.Name, err)
	}
	defer rc.Close()

	tmp, err := os.MkdirTemp(filepath.Dir(dest), ".unpack-")
	if err != nil {
		return fmt.Errorf("creating a scratch directory: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := untarXZ(rc, tmp); err != nil {
		return fmt.Errorf("unpacking %s: %w", txz.Name, err)
	}
	for _, prog := range []string{"initdb", "postgres"} {
		if fi, err := os.Stat(filepath.Join(tmp, "bin", prog)); err != nil || fi.Mode().Perm()&0o111 == 0 {
			return fmt.Errorf("the downloaded PostgreSQL build has no executable bin/%s", prog)
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		return fmt.Errorf("moving the PostgreSQL build into place: %w", err)
	}
	return nil
}

func untarXZ(r io.Reader, dir string) error {
	xr, err := xz.NewReader(r)
	if err != nil {
		return err
	}
	tr := tar.NewReader(xr)
	var written int64
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		name, err := entryPath(h.Name)
		if err != nil {
			return err
		}
		if name == "" {
			continue
		}
		target := filepath.Join(dir, filepath.FromSlash(name))
		if h.Typeflag != tar.TypeDir {
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
		}
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
			if err := os.Chmod(target, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if written += h.Size; written > maxUnpacked {
				return fmt.Errorf("more than %d MB unpacked", maxUnpacked>>20)
			}
			if err := writeFile(target, tr, fs.FileMode(h.Mode)); err != nil {
				return err
			}
		case tar.TypeSymlink:
			if err := checkLink(name, h.Linkname); err != nil {
				return err
			}
			if err := os.Symlink(h.Linkname, target); err != nil {
				return err
			}
		case tar.TypeLink:
			old, err := entryPath(h.Linkname)
			if err != nil || old == "" {
				return fmt.Errorf("%s: hard link to %q outside the archive", h.Name, h.Linkname)
			}
			if err := os.Link(filepath.Join(dir, filepath.FromSlash(old)), target); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%s: unexpected entry type %q", h.Name, h.Typeflag)
		}
	}
}

// entryPath cleans an archive path and refuses one that leaves the
// archive's directory ("" is the directory itself).
func entryPath(name string) (string, error) {
	clean := path.Clean(strings.TrimPrefix(name, "./"))
	if clean == "." {
		return "", nil
	}
	if path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") {
		return "", fmt.Errorf("archive entry %q points outside the archive", name)
	}
	return clean, nil
}

// checkLink refuses a symbolic link that points outside the archive: a later
// entry written through it would land elsewhere on the disk.
func checkLink(name, target string) error {
	if path.IsAbs(target) {
		return fmt.Errorf("archive entry %q links to the absolute path %q", name, target)
	}
	if _, err := entryPath(path.Join(path.Dir(name), target)); err != nil {
		return fmt.Errorf("archive entry %q links to %q, outside the archive", name, target)
	}
	return nil
}

// writeFile writes a regular file, readable by everyone and executable by
// everyone when the archive marks it executable by anyone.
func writeFile(target string, r io.Reader, mode fs.FileMode) error {
	perm := fs.FileMode(0o644)
	if mode.Perm()&0o111 != 0 {
		perm = 0o755
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	// The umask may have taken bits away.
	return os.Chmod(target, perm)
}
