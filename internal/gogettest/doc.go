// Package gogettest holds the consumer test of the module: a scratch
// module outside the source tree resolves github.com/kh164/kh164 with go
// get through a file-based GOPROXY made from the working tree (no replace
// directive), imports plan, report and schema, and builds and runs a
// program; go install …/cmd/planreport@VERSION installs the command the
// same way. It has no code of its own.
package gogettest
