package report

import (
	"fmt"
	"regexp"

	"github.com/kh164/kh164/internal/textrule"
	"github.com/kh164/kh164/plan"
)

// This file declares, once, every rule that a validate tag names and that
// is not built into go-playground/validator. The checker registers them
// with the validator; package schema turns the same declarations into JSON
// Schema keywords. Nothing here is written twice.

// Length limits of text, in characters: Unicode code points of the NFC
// text, the count the form shows and JSON Schema's maxLength uses.
const (
	MaxProse     = 10000 // results, reason, difficulties, proposals
	MaxLine      = 200   // names and positions
	MaxEmail     = 254
	MaxReference = 50 // the report's own number and symbol
)

// Aliases are validate tags that stand for a list of others. The validator
// and the schema mapping both expand them.
var Aliases = map[string]string{
	"schema_version": fmt.Sprintf("eq=%d", SchemaVersion),
	"plan_id":        "eq=" + plan.ID,
	"year":           fmt.Sprintf("gte=%d,lte=%d", plan.FirstYear, plan.LastYear),
	"prose":          fmt.Sprintf("max=%d,prose_text", MaxProse),
	"line":           fmt.Sprintf("max=%d,line_text", MaxLine),
	"reference":      fmt.Sprintf("max=%d,symbol", MaxReference),
	"email_addr":     fmt.Sprintf("max=%d,email_syntax", MaxEmail),
	// A report names each task, activity content and indicator of the
	// plan at most once, so its lists are never longer than the plan's:
	// the bound keeps the work a sender can cause linear and small.
	"tasks_max":      fmt.Sprintf("max=%d", len(plan.Tasks())),
	"activities_max": fmt.Sprintf("max=%d", len(plan.Activities())),
	"indicators_max": fmt.Sprintf("max=%d", len(plan.Indicators())),
}

// TextRules are the character rules of the text tags: prose_text allows
// tabs and line breaks inside the text, line_text allows no control
// character at all. Both forbid C0 and C1 controls and DEL, and whitespace
// at either end.
var TextRules = map[string]textrule.Rule{
	"prose_text": textrule.Prose,
	"line_text":  textrule.Line,
}

// Patterns are the rules that are regular expressions, by tag. Each is in
// the subset RE2 and ECMA-262 share. symbol is plan.SymbolPattern.
var Patterns = map[string]string{
	// phone: a Vietnamese number, 0 or +84 then 9 or 10 digits not starting
	// with 0: 0912345678, 02438253536, +84912345678.
	"phone": `^(?:0|\+84)[1-9][0-9]{8,9}$`,
	// email_syntax: local@domain with an ASCII local part and dot-separated
	// DNS labels; a deliberately plain subset of RFC 5322 that every engine
	// reads the same way.
	"email_syntax": `^[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)+$`,
	"symbol":       plan.SymbolPattern,
}

var compiled = func() map[string]*regexp.Regexp {
	m := map[string]*regexp.Regexp{}
	for tag, p := range Patterns {
		m[tag] = regexp.MustCompile(p)
	}
	return m
}()
