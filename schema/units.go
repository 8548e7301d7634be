package schema

import (
	"encoding/json"
	"strconv"

	js "github.com/invopop/jsonschema"

	"github.com/kh164/kh164/internal/textrule"
	"github.com/kh164/kh164/plan"
)

// unitRules adds the field rules of plan.ParseUnits to the schema of one
// unit. plan.Unit has no validate tags: ParseUnits checks it in code.
func unitRules(u *js.Schema) {
	get := func(name string) *js.Schema { s, _ := u.Properties.Get(name); return s }
	code := get("code")
	code.Pattern = plan.UnitCodePattern
	code.MaxLength = uint64p(plan.MaxCodeLen)
	name := get("name")
	name.MinLength, name.MaxLength = uint64p(1), uint64p(plan.MaxNameLen)
	name.Pattern = textrule.Line.Pattern()
	// The English name is optional, and empty means "none" in Go.
	english := get("english")
	english.MaxLength = uint64p(plan.MaxNameLen)
	english.Pattern = "^$|" + textrule.Line.Pattern()
	group := get("group")
	group.Minimum = json.Number(strconv.Itoa(plan.MinUnitGroup))
	group.Maximum = json.Number(strconv.Itoa(plan.MaxUnitGroup))
}
