package report

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/go-playground/validator/v10"

	"github.com/kh164/kh164/internal/strictjson"
	"github.com/kh164/kh164/internal/textrule"
	"github.com/kh164/kh164/plan"
)

// This file declares, once, every rule a validate tag of Report names: its
// check (the validator's built-in one or ours), its JSON Schema keywords
// and its issue. The checker registers the checks, package schema writes
// the keywords through WriteKeywords, and tagIssue (messages.go) builds the
// issues. Nothing here is written twice.

// Length limits of text, in characters: Unicode code points of the NFC
// text, the count the form shows and JSON Schema's maxLength uses.
const (
	MaxProse     = 10000 // results, reason, difficulties, proposals
	MaxLine      = 200   // names and positions
	MaxEmail     = 254
	MaxReference = 50 // the report's own number and symbol
)

// The patterns of the pattern rules, in the subset RE2 and ECMA-262 share.
const (
	// phonePattern: a Vietnamese number, 0 or +84 then 9 or 10 digits not
	// starting with 0: 0912345678, 02438253536, +84912345678.
	phonePattern = `^(?:0|\+84)[1-9][0-9]{8,9}$`
	// emailPattern: local@domain with an ASCII local part and dot-separated
	// DNS labels; a deliberately plain subset of RFC 5322 that every engine
	// reads the same way.
	emailPattern = `^[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)+$`
)

// aliases are the tags that stand for a list of others: one name for a
// field's rules. The validator and WriteKeywords expand them; their
// failures are those of the tags they name. Every other tag is a rule.
// (Aliases are data only, apart from rules: MaxLength reads them, and the
// field table (fields.go) that the issues of rules read reads MaxLength.)
var aliases = map[string]string{
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

// A rule is the one declaration of a validate tag that is not an alias:
// what the validator runs, the JSON Schema keywords it maps to, and the
// issue its failure gives. Every tag on the types of Report has one, or
// is an alias (TestEveryTagHasARule).
type rule struct {
	// check is what the validator runs for a custom tag, for checker c;
	// nil for validator's built-in tags.
	check func(c *Checker) validator.Func
	// keywords writes the tag's JSON Schema keywords, for the tag's
	// parameter param, to w.
	keywords func(w KeywordWriter, param string) error
	// issue reports the tag's failure f at ptr, with its code; nil for the
	// tags that never fail (omitempty, dive).
	issue func(v *validation, ptr string, f failure)
}

// rules are the declarations by tag. The validation reads them through
// its Checker (Checker.rules): an issue function validates list items
// (unique), and a direct reference would be an initialization cycle.
var rules = map[string]rule{
	// Text rules: prose_text allows tabs and line breaks inside the
	// text, line_text no control character at all. Both forbid C0 and
	// C1 controls and DEL, and whitespace at either end.
	"prose_text": textRule(textrule.Prose),
	"line_text":  textRule(textrule.Line),

	// Pattern rules. symbol is plan.SymbolPattern, the grammar of
	// plan.ParseSymbol.
	"phone":        patternRule(phonePattern, (*validation).invalidPhone),
	"email_syntax": patternRule(emailPattern, (*validation).invalidEmail),
	"symbol":       patternRule(plan.SymbolPattern, (*validation).invalidSymbol),

	// IDs: of a body of the checker's registry, a task, an activity
	// content of the plan.
	"body": {
		check:    func(c *Checker) validator.Func { return onString(func(id string) bool { return c.bodies[id] }) },
		keywords: noParam(KeywordWriter.Body),
		issue:    (*validation).unknownBody,
	},
	"task": {
		check:    func(*Checker) validator.Func { return onString(func(id string) bool { return planSets().tasks[id] }) },
		keywords: noParam(KeywordWriter.Task),
		issue:    (*validation).unknownTask,
	},
	"activity": {
		check: func(*Checker) validator.Func {
			return onString(func(id string) bool { return planSets().activities[id] })
		},
		keywords: noParam(func(w KeywordWriter) error {
			ids := make([]string, 0, len(plan.Activities()))
			for _, a := range plan.Activities() {
				ids = append(ids, a.ID)
			}
			return w.Enum(ids)
		}),
		issue: (*validation).unknownActivity,
	},
	// indicators applies to Report.Indicators, a map[string]int64: each
	// code an indicator of the plan, each value from 0 to its Max. Its
	// issues are one per offending entry, at the entry's pointer.
	"indicators": {
		check: func(*Checker) validator.Func {
			return func(fl validator.FieldLevel) bool {
				for code, n := range fl.Field().Interface().(map[string]int64) {
					if _, fault := checkIndicator(code, n); fault != "" {
						return false
					}
				}
				return true
			}
		},
		keywords: noParam(KeywordWriter.Indicators),
		issue:    func(v *validation, ptr string, _ failure) { v.indicators(ptr) },
	},

	// validator's built-in tags, as Report uses them.
	"omitempty": {keywords: noParam(KeywordWriter.OmitEmpty)},
	"dive":      {keywords: noParam(KeywordWriter.Dive)},
	"required":  {keywords: noParam(KeywordWriter.Required), issue: (*validation).required},
	"required_if": {
		keywords: condition(KeywordWriter.RequiredIf),
		issue:    (*validation).required,
	},
	"required_unless": {
		keywords: condition(KeywordWriter.RequiredUnless),
		issue:    (*validation).required,
	},
	"eq":    {keywords: KeywordWriter.Const, issue: (*validation).notEqual},
	"oneof": {keywords: func(w KeywordWriter, p string) error { return w.Enum(strings.Fields(p)) }, issue: (*validation).notOneOf},
	// gte and lte come in pairs, in an alias (TestBoundsInPairs): the
	// issue names both bounds.
	"gte": {keywords: bound(KeywordWriter.Min), issue: (*validation).outOfRange},
	"lte": {keywords: bound(KeywordWriter.Max), issue: (*validation).outOfRange},
	"min": {keywords: bound(KeywordWriter.Min), issue: (*validation).tooFew},
	"max": {keywords: bound(KeywordWriter.Max), issue: (*validation).tooLongOrMany},
	// unique with no parameter: no item twice; unique=Field: no two
	// items with the same Field. The issues are one per repeat.
	"unique": {
		keywords: KeywordWriter.Unique,
		issue:    func(v *validation, ptr string, f failure) { v.unique(ptr, f.fe.Value()) },
	},
}

// textRule declares the text tag of r: r.Check, r.Pattern and the issue
// that says which character breaks r.
func textRule(r textrule.Rule) rule {
	return rule{
		check:    func(*Checker) validator.Func { return onString(r.Check) },
		keywords: noParam(func(w KeywordWriter) error { return w.Pattern(r.Pattern()) }),
		issue:    func(v *validation, ptr string, f failure) { v.invalidText(ptr, r, f.s, f.l) },
	}
}

// patternRule declares a tag whose values must match expr.
func patternRule(expr string, issue func(*validation, string, failure)) rule {
	re := regexp.MustCompile(expr)
	return rule{
		check:    func(*Checker) validator.Func { return onString(re.MatchString) },
		keywords: noParam(func(w KeywordWriter) error { return w.Pattern(expr) }),
		issue:    issue,
	}
}

// onString is the validator function of ok on a string field.
func onString(ok func(string) bool) validator.Func {
	return func(fl validator.FieldLevel) bool { return ok(fl.Field().String()) }
}

// noParam is the keywords function of a tag that takes no parameter.
func noParam(write func(KeywordWriter) error) func(KeywordWriter, string) error {
	return func(w KeywordWriter, param string) error {
		if param != "" {
			return fmt.Errorf("the rule takes no parameter, not %q", param)
		}
		return write(w)
	}
}

// bound is the keywords function of a bound: its parameter an integer.
func bound(write func(KeywordWriter, int64) error) func(KeywordWriter, string) error {
	return func(w KeywordWriter, param string) error {
		n, err := strconv.ParseInt(param, 10, 64)
		if err != nil {
			return fmt.Errorf("%q is not an integer", param)
		}
		return write(w, n)
	}
}

// condition is the keywords function of required_if and required_unless:
// one "Field value" pair.
func condition(write func(w KeywordWriter, field, value string) error) func(KeywordWriter, string) error {
	return func(w KeywordWriter, param string) error {
		f := strings.Fields(param)
		if len(f) != 2 {
			return fmt.Errorf("%q: exactly one field and value are mapped", param)
		}
		return write(w, f[0], f[1])
	}
}

// A KeywordWriter writes the JSON Schema keywords of one field's validate
// tag, one call per rule, in order (WriteKeywords). Package schema
// implements it; a method fails when its rule cannot be mapped on the
// field, so that no rule is silently missing from a schema.
type KeywordWriter interface {
	OmitEmpty() error                         // omitempty: the next rules apply to a non-empty value only
	Dive() error                              // dive: the next rules apply to each item
	Required() error                          // required: the member is required (a string also non-empty)
	RequiredIf(field, value string) error     // required_if: required when Go field field has value
	RequiredUnless(field, value string) error // required_unless: required unless field has value
	Const(value string) error                 // eq: const, value in the field's JSON type
	Enum(values []string) error               // oneof and activity: enum
	Min(n int64) error                        // gte, min: minimum, minLength, minItems or minProperties
	Max(n int64) error                        // lte, max: maximum, maxLength, maxItems or maxProperties
	Pattern(expr string) error                // text and pattern rules: pattern, in the subset RE2 and ECMA-262 share
	Unique(field string) error                // unique: no item twice, or no two items with the same Go field field
	Body() error                              // body: the ID of a body the schema admits
	Task() error                              // task: the ID of a task the schema admits
	Indicators() error                        // indicators: the plan's indicator codes, each from 0 to its Max
}

// WriteKeywords writes the keywords of validate tag tag ("omitempty,prose")
// to w, aliases expanded. It fails on an undeclared rule, on alternatives
// (a|b), and with the first error of w.
func WriteKeywords(tag string, w KeywordWriter) error {
	for _, tok := range strings.Split(tag, ",") {
		name, param, _ := strings.Cut(tok, "=")
		r, ok := rules[name]
		a, isAlias := aliases[name]
		switch {
		case tok == "":
			continue
		case strings.Contains(tok, "|"):
			return fmt.Errorf("rule %q: alternatives (|) are not mapped", tok)
		case isAlias:
			if param != "" {
				return fmt.Errorf("rule %q: an alias takes no parameter", tok)
			}
			if err := WriteKeywords(a, w); err != nil {
				return err
			}
			continue
		case !ok:
			return fmt.Errorf("unknown rule %q", tok)
		}
		if err := r.keywords(w, param); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// MaxLength is the length limit, in characters, that the validate tag of
// the text field at the JSON Pointer pattern ptr sets, its aliases
// expanded ("/tasks/*/results", with * for an index): MaxProse there. It
// is 0 when the tag sets no length or ptr names no text field (the max= of
// a list counts its items, not characters). The form's counters read it,
// so that a limit is declared once, on its field.
func MaxLength(ptr string) int {
	toks, err := strictjson.SplitPointer(ptr)
	if err != nil {
		return 0
	}
	t, tag := reflect.TypeFor[Report](), ""
	for _, tok := range toks {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch {
		case t.Kind() == reflect.Slice || t.Kind() == reflect.Map: // an index or a key
			t, tag = t.Elem(), ""
		case t.Kind() == reflect.Struct:
			k, ok := fieldIndexes()[t][tok]
			if !ok {
				return 0
			}
			f := t.Field(k)
			t, tag = f.Type, f.Tag.Get("validate")
		default:
			return 0
		}
	}
	if t.Kind() != reflect.String {
		return 0
	}
	return maxOf(tag)
}

// maxOf is the max= of a validate tag, aliases expanded.
func maxOf(tag string) int {
	for _, part := range strings.Split(tag, ",") {
		if n, ok := strings.CutPrefix(part, "max="); ok {
			return atoi(n)
		}
		if a, ok := aliases[part]; ok {
			if n := maxOf(a); n > 0 {
				return n
			}
		}
	}
	return 0
}
