package changelog

import "testing"

func TestLatest(t *testing.T) {
	v, err := Latest([]byte("# Changelog\n\n## Unreleased\n\n- x\n\n## 0.2.0\n\n## 0.1.0\n"))
	if err != nil || v != "0.2.0" {
		t.Errorf("Latest = %q, %v", v, err)
	}
	if _, err := Latest([]byte("## Unreleased\n")); err == nil {
		t.Error("no version: no error")
	}
	if v, err := Version("../.."); err != nil || v == "" {
		t.Errorf("the module's CHANGELOG.md: %q, %v", v, err)
	}
}
