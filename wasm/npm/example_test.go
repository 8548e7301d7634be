package npm_test

import (
	"fmt"
	"strings"

	"github.com/kh164/kh164/wasm/npm"
)

// The generated declarations: the report's type from the JSON Schema, the
// form's from the Go declarations.
func ExampleTypes() {
	ts, err := npm.Types("../..")
	if err != nil {
		panic(err)
	}
	for _, line := range strings.Split(string(ts["report.d.ts"]), "\n") {
		if strings.HasPrefix(line, "export interface ReportPeriod") || strings.Contains(line, "kind: ") {
			fmt.Println(line)
		}
	}
	fmt.Println(strings.Contains(string(ts["types.d.ts"]), "lang?: 'vi' | 'en';"))
	// Output:
	// export interface ReportPeriod {
	//   kind: "annual" | "half-year";
	// true
}
