// Package wasm is the reporting form that portals embed with one script
// tag: the form runs the report package's own validation compiled to
// WebAssembly.
//
//	form/        the form's model (layout, values, report, checks, drafts, views), plain Go
//	cmd/form/    the WebAssembly program: the thin DOM layer, through safejs only
//	build/       Dist builds the kit (wasm, brotli, gzip, loader, stylesheet); Handler serves it
//	cmd/buildkit the generator behind go generate
//	npm/         the npm package @kh164/report-form: assembled from the kit, TypeScript declarations, Node entry
//	cmd/npmpackage the command that assembles it
//	e2e/         tests and benchmarks in headless Chromium
//
// Build the kit into wasm/dist with:
//
//	go generate ./wasm/...
package wasm

//go:generate go run ./cmd/buildkit -o dist
