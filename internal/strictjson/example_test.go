package strictjson_test

import (
	"errors"
	"fmt"

	"github.com/kh164/kh164/internal/strictjson"
)

func Example() {
	type Task struct {
		Name   string `json:"name"`
		People int    `json:"people"`
	}
	type Plan struct {
		District string `json:"district"`
		Tasks    []Task `json:"tasks"`
	}
	input := `{
  "district": "Hoàn Kiếm",
  "tasks": [
    {"name": "Phát gạo", "people": 1.5},
    {"name": "Sơ tán", "people": 300, "Name": "x", "people": 2}
  ]
}`
	var plan Plan
	doc, err := strictjson.Decode([]byte(input), &plan, strictjson.Options{})
	var errs strictjson.Errors
	if errors.As(err, &errs) {
		for _, e := range errs {
			fmt.Printf("%s %s\n", e.Code, e)
		}
	}
	fmt.Println(plan.Tasks[1].People)

	// The Doc places errors found later, such as by a schema validator.
	pos, ok := doc.Pos("/tasks/1/name")
	fmt.Println(pos, ok)
	pos, ok = doc.Pos("/tasks/1/deadline")
	fmt.Println(pos, ok)
	// Output:
	// not_integer 4:36: /tasks/0/people: number 1.5 is not an integer
	// unknown_field 5:39: /tasks/1/Name: unknown field "Name"
	// duplicate_key 5:52: /tasks/1/people: duplicate key "people"
	// 300
	// 5:14 true
	// 5:5 false
}
