package report

import "github.com/kh164/kh164/plan"

// SchemaVersion is the version of the report's JSON shape. Within a
// version, changes are additive only.
const SchemaVersion = 1

// Report is the report a body files for one period: version 1 of the wire
// format. Struct tags declare every rule that does not need the plan; the
// rules that do (the body exists on the report date, the tasks are exactly
// its tasks, the dates fall in the period's window, half-year reports come
// from the City Red Cross) are checked by a Checker. The same tags generate
// the JSON Schema (package schema).
type Report struct {
	SchemaVersion int    `json:"schemaVersion" validate:"schema_version"`
	Plan          string `json:"plan" validate:"plan_id"`
	// Body is the ID of the reporting body (a built-in body or a unit the
	// portal registered).
	Body   string `json:"body" validate:"body"`
	Period Period `json:"period"`
	// ReportDate is the report's own date.
	ReportDate plan.Date `json:"reportDate"`
	// DataCutoff is the last day the figures cover; it defaults to the end
	// of the period's window (see plan.Period.Window).
	DataCutoff *plan.Date `json:"dataCutoff,omitempty"`
	// Reference is the report's own number and symbol, "245/BC-SYT".
	Reference string `json:"reference,omitempty" validate:"omitempty,reference"`
	// Tasks are the results for exactly the tasks the body answers for on
	// the report date, in any order.
	Tasks []TaskResult `json:"tasks" validate:"min=1,tasks_max,unique=Task,dive"`
	// Indicators are counts and amounts by indicator code (plan.Indicators),
	// whole numbers from 0 to the indicator's maximum.
	Indicators   map[string]int64 `json:"indicators,omitempty" validate:"indicators_max,indicators"`
	Difficulties string           `json:"difficulties,omitempty" validate:"omitempty,prose"`
	Proposals    string           `json:"proposals,omitempty" validate:"omitempty,prose"`
	PreparedBy   Preparer         `json:"preparedBy"`
	SignedBy     Signer           `json:"signedBy"`
}

// Period is the reporting period: its kind and year.
type Period struct {
	Kind plan.PeriodKind `json:"kind" validate:"oneof=annual half-year"`
	Year int             `json:"year" validate:"year"`
}

// Plan returns the period as a plan.Period.
func (p Period) Plan() plan.Period { return plan.Period{Kind: p.Kind, Year: p.Year} }

// Status is how far a task has come.
type Status string

// Task statuses.
const (
	Done       Status = "done"        // Đã hoàn thành
	InProgress Status = "in_progress" // Đang thực hiện
	NotStarted Status = "not_started" // Chưa thực hiện
)

// TaskResult is what the body did about one task. Results are required
// unless the task was not started; then the reason is required.
type TaskResult struct {
	Task    string `json:"task" validate:"task"`
	Status  Status `json:"status" validate:"oneof=done in_progress not_started"`
	Results string `json:"results,omitempty" validate:"required_unless=Status not_started,omitempty,prose"`
	Reason  string `json:"reason,omitempty" validate:"required_if=Status not_started,omitempty,prose"`
	// Activities are the IDs of the contents of Red Cross activity the
	// work served (plan.Activities).
	Activities []string `json:"activities,omitempty" validate:"omitempty,activities_max,unique,dive,activity"`
}

// Preparer is the official who prepared the report and whom to call about it.
type Preparer struct {
	Name     string `json:"name" validate:"required,line"`
	Position string `json:"position" validate:"required,line"`
	Phone    string `json:"phone" validate:"phone"`
	Email    string `json:"email,omitempty" validate:"omitempty,email_addr"`
}

// Signer is who signs the report for the body.
type Signer struct {
	Name     string `json:"name" validate:"required,line"`
	Position string `json:"position" validate:"required,line"`
}
