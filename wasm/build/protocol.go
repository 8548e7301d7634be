package build

//go:generate go test -run ^TestLoaderProtocol$ -update .

// protocolMarks delimit the loaders' copy of the protocol
// (form.ProtocolJS), which go generate writes into kh164-form.js and the
// npm package's node.mjs.
var protocolMarks = [2][]byte{[]byte("/*KH164_PROTOCOL*/"), []byte("/*KH164_PROTOCOL_END*/")}

// protocolFiles are the loaders that carry the copy, from this folder.
var protocolFiles = []string{"assets/kh164-form.js", "../npm/package/node.mjs"}
