package form

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/kh164/kh164/report"
)

// This file declares the protocol between the loader (kh164-form.js, and
// node.mjs of the npm package) and the program (wasm/cmd/form) once. The
// program reads these declarations; the loaders' copies are the marked
// block ProtocolJS writes, kept current by go generate in wasm/build (a
// test there fails when a committed copy is stale).

// ProtocolVersion is the version of the loader protocol: the program hands
// it to the loader with its API, and a loader refuses a program of another
// version.
const ProtocolVersion = 1

// A Command is what the loader asks of a mounted form: the first argument
// of its controller's call(name, args…).
type Command string

// The commands, with their arguments after the name.
const (
	CmdValue     Command = "value"      // () → the report as JSON
	CmdSetValue  Command = "setValue"   // (json) → "" or SetValueErrors as JSON
	CmdValidate  Command = "validate"   // () → Validation as JSON
	CmdTick      Command = "tick"       // () the timer the program asked for (host.later) is due
	CmdAnswer    Command = "answer"     // (status, body) the answer to host.post; status 0: no answer
	CmdFile      Command = "file"       // (name, text[, size]) a file the person chose to import; size when text is only its first MaxFileBytes()+1 bytes
	CmdFileError Command = "file-error" // (name, message) the file could not be read
	CmdDestroy   Command = "destroy"    // () remove the form
)

// Commands are all the commands, in the order above.
var Commands = []Command{CmdValue, CmdSetValue, CmdValidate, CmdTick, CmdAnswer, CmdFile, CmdFileError, CmdDestroy}

// MaxFileBytes is the largest file the form imports: the checker's input
// limit (report.Options.MaxBytes, its default). The loader reads at most
// one byte more of a larger file, and the checker says too_large, as
// report.Checker.ParseReader does.
func MaxFileBytes() int64 { return report.Default().MaxBytes() }

// ProtocolJS is the loaders' copy of the protocol: one JavaScript
// statement, var PROTOCOL = {version, maxFileBytes, commands}, each command
// under its name in camel case (PROTOCOL.commands.fileError is
// "file-error").
func ProtocolJS() string {
	var cmds []string
	for _, c := range Commands {
		parts := strings.Split(string(c), "-")
		for i := 1; i < len(parts); i++ {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
		q, _ := json.Marshal(string(c)) // a string always marshals
		cmds = append(cmds, fmt.Sprintf("%s: %s", strings.Join(parts, ""), q))
	}
	return fmt.Sprintf("var PROTOCOL = { version: %d, maxFileBytes: %d, commands: { %s } };",
		ProtocolVersion, MaxFileBytes(), strings.Join(cmds, ", "))
}
