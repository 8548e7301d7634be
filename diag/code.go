package diag

// Code is the stable snake_case identifier of an issue, for programs to
// switch on. Every code of the module is one of the constants below; none
// is ever renamed. The messages are written where each code is raised, in
// both languages; the package documentation of report lists where each
// code of a report can appear and the Params it carries.
type Code string

// Codes of strict decoding (report.Checker.Parse, plan.ParseUnits and
// every JSON input of the module).
const (
	TooLarge            Code = "too_large"             // the input is over its size limit
	Empty               Code = "empty"                 // the input is empty
	InvalidUTF8         Code = "invalid_utf8"          // the input is not UTF-8
	Syntax              Code = "syntax"                // the input is not JSON
	InvalidStringEscape Code = "invalid_string_escape" // a \u escape that is not a character
	TrailingData        Code = "trailing_data"         // data after the one JSON value
	TooDeep             Code = "too_deep"              // nesting deeper than the limit
	DuplicateKey        Code = "duplicate_key"         // a member twice in one object
	UnknownField        Code = "unknown_field"         // a member the format does not have
	WrongType           Code = "wrong_type"            // a value of the wrong JSON type
	NotInteger          Code = "not_integer"           // a number with a fraction or exponent where a whole number is needed
	IntegerOutOfRange   Code = "integer_out_of_range"  // a whole number beyond the type's range or 2^53-1
)

// TooManyIssues is the code of the issue that ends a capped list (see
// MaxIssues and List.Capped). Its Params are "more" (how many issues were
// left out) and "shown".
const TooManyIssues Code = "too_many_issues"

// TooManyErrors is the strict decoder's own code for the errors past its
// limit; internal/decode turns it into TooManyIssues, so no user sees it.
const TooManyErrors Code = "too_many_errors"

// Codes of report validation (report.Checker.Validate).
const (
	Required               Code = "required"                  // a value is missing
	TooLong                Code = "too_long"                  // text longer than its limit
	TooFew                 Code = "too_few"                   // a list with fewer items than its minimum
	TooMany                Code = "too_many"                  // a list with more items than the plan has
	InvalidValue           Code = "invalid_value"             // not one of the allowed values, or not the expected one
	OutOfRange             Code = "out_of_range"              // a number outside its bounds
	InvalidText            Code = "invalid_text"              // whitespace at an end, or a forbidden character
	InvalidPhone           Code = "invalid_phone"             // not a Vietnamese phone number
	InvalidEmail           Code = "invalid_email"             // not an email address
	InvalidSymbol          Code = "invalid_symbol"            // not a document number and symbol (also plan.ParseSymbol)
	InvalidDate            Code = "invalid_date"              // not a calendar date YYYY-MM-DD (also plan.ParseDate)
	UnknownBody            Code = "unknown_body"              // not a body of the registry
	UnknownTask            Code = "unknown_task"              // not a task of the plan
	UnknownActivity        Code = "unknown_activity"          // not one of the plan's activity contents
	UnknownIndicator       Code = "unknown_indicator"         // not an indicator code
	DuplicateTask          Code = "duplicate_task"            // a task reported twice
	DuplicateActivity      Code = "duplicate_activity"        // an activity listed twice
	BodyNotInForce         Code = "body_not_in_force"         // the body does not exist on the report date
	MissingTask            Code = "missing_task"              // a task of the body has no item
	ForeignTask            Code = "foreign_task"              // a task that is not the body's on the report date
	HalfYearNotDue         Code = "half_year_not_due"         // a half-year report from a body without that duty
	NoReportDue            Code = "no_report_due"             // a period the body has no duty for (also plan.Registry.Due)
	ReportDateBeforeWindow Code = "report_date_before_window" // the report date is before the period's window
	CutoffOutsideWindow    Code = "cutoff_outside_window"     // the data cut-off is outside the period's window
	CutoffAfterReportDate  Code = "cutoff_after_report_date"  // the data cut-off is after the report date
	ReportDateAfterReceipt Code = "report_date_after_receipt" // the report date is after the day it was received
)

// Codes of compilation (report.Compile).
const (
	InvalidReport Code = "invalid_report" // a report to compile failed in a way that is not a diag.List
	TotalOverflow Code = "total_overflow" // a total beyond the largest exact sum
)

// Codes of the plan (package plan: periods, the registry, units files).
const (
	InvalidPeriod       Code = "invalid_period"          // not a period KIND-YEAR of the plan
	InvalidDayOfYear    Code = "invalid_day_of_year"     // not a day of the year DD/MM
	InvalidSetting      Code = "invalid_setting"         // a registry setting that cannot be used
	BodyNotYetInForce   Code = "body_not_yet_in_force"   // the body exists only from a later date
	BodyNoLongerInForce Code = "body_no_longer_in_force" // the body ended before the date
	NoSingleSuccessor   Code = "no_single_successor"     // the body's tasks went to several bodies, or none
	UnknownGroup        Code = "unknown_group"           // a unit's group that is not one of 2 to 12
	UnknownClause       Code = "unknown_clause"          // not a clause of the plan
	UnknownCampaign     Code = "unknown_campaign"        // not a campaign of the plan
	UnknownReference    Code = "unknown_reference"       // not a document the plan cites
	UnknownID           Code = "unknown_id"              // an ID of none of the plan's kinds (plan.Lookup)
	MissingField        Code = "missing_field"           // a units file without its list
	InvalidCode         Code = "invalid_code"            // a unit code that is not lower-case words with hyphens
	CodeTaken           Code = "code_taken"              // a unit code that is a body of the plan
	DuplicateCode       Code = "duplicate_code"          // a unit code listed twice for overlapping dates
	InvalidInterval     Code = "invalid_interval"        // a unit that ends before it starts
	OverlappingValidity Code = "overlapping_validity"    // two entries of a unit whose dates overlap
	NameTaken           Code = "name_taken"              // a unit that repeats a built-in body\'s name
)

// Code of package schema.
const NoTasks Code = "no_tasks" // a body with no tasks on the date (schema.ForBody)

// Codes of HTTP answers (package reportapi and the portal).
const (
	ReadError             Code = "read_error"              // the input could not be read whole
	UnsupportedMediaType  Code = "unsupported_media_type"  // a request body that is not application/json
	InvalidLang           Code = "invalid_lang"            // a language other than vi or en
	NotFound              Code = "not_found"               // no such resource
	StorageError          Code = "storage_error"           // the store failed
	NoneMissing           Code = "none_missing"            // a reminder asked for when every body has filed
	InvalidBlank          Code = "invalid_blank"           // a blank of the compiled report's documents that is not one line within its limit
	InvalidIdempotencyKey Code = "invalid_idempotency_key" // an Idempotency-Key header that cannot be one
	IdempotencyKeyReused  Code = "idempotency_key_reused"  // an Idempotency-Key sent again with another report
	QuotaVersions         Code = "quota_versions"          // a body over its number of stored versions
	QuotaBytes            Code = "quota_bytes"             // a body over its stored bytes
)

// Codes of the form (package wasm and its form).
const (
	OtherForm      Code = "other_form"       // a file that is the draft of another body's or period's form
	NotWholeNumber Code = "not_whole_number" // a figure typed with a fraction
	NegativeNumber Code = "negative_number"  // a figure below zero
	NumberTooLarge Code = "number_too_large" // a figure beyond the largest exact number
	NotANumber     Code = "not_a_number"     // a figure that is not a number
	TaskNotInForm  Code = "task_not_in_form" // a report set in the form with a task the form does not have
	InternalError  Code = "internal_error"   // the form could not check the report (a bug to report)
)

// Codes of the demo portal's accounts (examples/portal).
const (
	Unauthenticated     Code = "unauthenticated"       // a request without a valid session or API token
	Forbidden           Code = "forbidden"             // a role that may not do this
	NotYourBody         Code = "not_your_body"         // a report or draft of another body than the account's
	CrossOrigin         Code = "cross_origin"          // a state-changing request from another origin
	Unavailable         Code = "unavailable"           // the portal cannot serve for now
	SigninFailed        Code = "signin_failed"         // a wrong username or password
	SigninThrottled     Code = "signin_throttled"      // too many failed sign-ins for now
	PasswordTooShort    Code = "password_too_short"    // a new password under the minimum length
	PasswordTooLong     Code = "password_too_long"     // a new password over the maximum length
	PasswordHasUsername Code = "password_has_username" // a new password that contains the username
	PasswordMismatch    Code = "password_mismatch"     // the two new passwords differ
	InvalidUsername     Code = "invalid_username"      // a username that is not lower-case letters, digits, . _ -
	UsernameTaken       Code = "username_taken"        // a username another account has
	InvalidName         Code = "invalid_name"          // an account's name that is empty, too long or not one line
	InvalidRole         Code = "invalid_role"          // not a role of the portal
	InvalidBody         Code = "invalid_body"          // an account's body that is not a body of the registry
	NoAccount           Code = "no_account"            // no such account
	NoToken             Code = "no_token"              // no such API token
	OwnAccount          Code = "own_account"           // an administrator disabling their own account
)
