package plan

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// TextOptions control WriteText.
type TextOptions struct {
	// IDs prefixes every numbered heading and clause with its ID in
	// brackets ("[III.6.1] "), for people who must cite clauses.
	IDs bool
}

// WriteText writes the plan as text in the document's order: header,
// title, preamble, sections I–III, the closing paragraph, recipients and
// signature. Without IDs every clause is the plan's wording, verbatim.
func (d *Document) WriteText(w io.Writer, opt TextOptions) error {
	bw := bufio.NewWriter(w)
	id := func(s string) string {
		if opt.IDs {
			return "[" + s + "] "
		}
		return ""
	}
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("%s\nSố: %s\n%s, ngày %02d tháng %d năm %d\n\n", strings.ToUpper(d.Issuer), d.Symbol, d.Place, d.Date.Day, int(d.Date.Month), d.Date.Year)
	p("%s\n%s\n\n%s%s\n", d.Type, d.Title, id(d.Preamble.ID), d.Preamble.Text)
	for _, s := range d.Sections {
		p("\n%s%s. %s\n", id(s.ID), s.ID, s.Title)
		for _, part := range s.Parts {
			p("\n%s%d. %s\n", id(part.ID), part.Number, part.Title)
			for _, c := range part.Clauses {
				bullet := "- "
				if len(part.Clauses) == 1 {
					bullet = ""
				}
				p("\n%s%s%s\n", bullet, id(c.ID), c.Text)
			}
		}
	}
	p("\n%s%s\n\nNơi nhận:\n", id(d.Closing.ID), d.Closing.Text)
	for i, r := range d.Recipients {
		end := ";"
		if i == len(d.Recipients)-1 {
			end = "."
		}
		p("- %s%s\n", r, end)
	}
	sig := d.Signature
	p("\n%s\n", sig.OnBehalf.Line())
	if sig.For.Mark != "" {
		p("%s\n", sig.For.Line())
	}
	p("%s\n\n%s\n", sig.Position, sig.Name)
	return bw.Flush()
}

// Text returns the plan as WriteText writes it, without IDs.
func (d *Document) Text() string {
	var b strings.Builder
	d.WriteText(&b, TextOptions{}) // a strings.Builder does not fail
	return b.String()
}

// ExportVersion is the version of the Export JSON shape. Changes to the
// shape are additive within a version.
const ExportVersion = 1

// Export is the whole plan as JSON: the document, the seven contents of Red
// Cross activity, the campaigns, the indicator catalogue, the reporting
// duties, the registry's settings and its bodies. Field names are stable
// within ExportVersion; the JSON Schema in schema/plan.schema.json
// describes it.
type Export struct {
	SchemaVersion int            `json:"schemaVersion"`
	Document      *Document      `json:"document"`
	Tasks         []Task         `json:"tasks"`
	Activities    []Activity     `json:"activities"`
	Campaigns     []Campaign     `json:"campaigns"`
	Indicators    []Indicator    `json:"indicators"`
	Duties        []Duty         `json:"duties"`
	Settings      ExportSettings `json:"settings"`
	Bodies        []Body         `json:"bodies"`
}

// ExportSettings is Settings as exported.
type ExportSettings struct {
	HalfYearDue MonthDay `json:"halfYearDue"`
	PressMerger Date     `json:"pressMerger"`
	PartyMerger Date     `json:"partyMerger"`
}

// Export returns the plan with r's settings and bodies, ready for
// json.Marshal.
func (r *Registry) Export() Export {
	return Export{
		SchemaVersion: ExportVersion,
		Document:      Plan(),
		Tasks:         Tasks(),
		Activities:    Activities(),
		Campaigns:     Campaigns(),
		Indicators:    Indicators(),
		Duties:        Duties(),
		Settings:      ExportSettings(r.settings),
		Bodies:        r.Bodies(),
	}
}
