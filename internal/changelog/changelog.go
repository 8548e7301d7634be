// Package changelog reads CHANGELOG.md, where the module's version is
// declared: the newest "## X.Y.Z" heading is the version of the module and
// of the npm package.
package changelog

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
)

var heading = regexp.MustCompile(`(?m)^## (\d+\.\d+\.\d+)\s*$`)

// Latest is the newest version in a changelog's text (without the v).
func Latest(data []byte) (string, error) {
	m := heading.FindSubmatch(data)
	if m == nil {
		return "", errors.New("CHANGELOG.md has no version heading (## X.Y.Z)")
	}
	return string(m[1]), nil
}

// Version is the newest version of CHANGELOG.md in the module's root.
func Version(root string) (string, error) {
	data, err := os.ReadFile(filepath.Join(root, "CHANGELOG.md"))
	if err != nil {
		return "", err
	}
	return Latest(data)
}
