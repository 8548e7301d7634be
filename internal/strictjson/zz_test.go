package strictjson_test

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"kh164/internal/strictjson"
)

func TestZZ(t *testing.T) {
	in := "{\n" +
		"  \"tasks\": [\n" +
		"    {\"id\": 1, \"title\": \"Cầu Long Biên\"},\n" +
		"    {\"id\": 2}\n" +
		"  ],\n" +
		"  \"extra\": {\"a/b\": {\"~c\": [true]}, \"\": 0, \"x\\u0079\": 1, \"d\": 1, \"d\": 2}\n" +
		"}"
	var r report
	doc, _ := strictjson.Decode([]byte(in), &r, strictjson.Options{})
	for _, p := range []string{"", "/tasks", "/tasks/0", "/tasks/0/title", "/tasks/1/id", "/extra/a~1b/~0c/0", "/extra/", "/extra/xy", "/extra/d", "/tasks/1/title", "/extra/a/b", "/extra/a~1b/~1c", "/tasks/0/id/x"} {
		pos, ok := doc.Pos(p)
		fmt.Printf("%-20s %v %v %d %q\n", p, pos, ok, pos.Offset, in[pos.Offset:min(len(in), pos.Offset+8)])
	}
	fmt.Println(utf8.RuneCountInString(`  "extra": {"a/b": {"~c": [`))
}
