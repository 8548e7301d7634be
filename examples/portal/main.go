// Command portal is the demo reporting portal for Plan 164/KH-UBND.
//
//	go run ./examples/portal [-addr 127.0.0.1:8080]
//
// It serves, on localhost, the plan as a readable page: its sections, the
// assignee groups with their tasks, and the bodies that must report today
// with the tasks each answers for. The embedded report form and the
// report API come with the widget (see README).
package main

import (
	"flag"
	"html/template"
	"log"
	"net/http"
	"time"

	"kh164/plan"
)

var page = template.Must(template.New("plan").Parse(`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kế hoạch {{.Doc.Symbol}} — báo cáo kết quả</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem} h2{margin-top:2rem;border-bottom:1px solid #ccc} .id{font:0.85em monospace;color:#555}
table{border-collapse:collapse;width:100%} td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
</style>
</head>
<body>
<header>
<p>{{.Doc.Issuer}} · Số: {{.Doc.Symbol}} · {{.Doc.Place}}, {{.Doc.Date.Vietnamese}}</p>
<h1>{{.Doc.Type}}: {{.Doc.Title}}</h1>
</header>
<main>
<h2>Cơ quan phải báo cáo ngày {{.Today.Vietnamese}} ({{len .Reporters}})</h2>
<table>
<thead><tr><th scope="col">Mã</th><th scope="col">Cơ quan</th><th scope="col">Nhiệm vụ</th><th scope="col">Hạn báo cáo năm</th></tr></thead>
<tbody>
{{range .Reporters}}<tr><td class="id">{{.Body.ID}}</td><td>{{.Body.Name}}</td><td class="id">{{range .Tasks}}{{.ID}} {{end}}</td><td>{{.Due}}</td></tr>
{{end}}</tbody>
</table>
{{range .Doc.Sections}}
<h2>{{.ID}}. {{.Title}}</h2>
{{range .Parts}}<h3><span class="id">{{.ID}}</span> {{.Number}}. {{.Title}}</h3>
{{range .Clauses}}<p><span class="id">{{.ID}}</span> {{.Text}}</p>
{{end}}{{end}}{{end}}
<h2>Kết luận</h2>
<p><span class="id">{{.Doc.Closing.ID}}</span> {{.Doc.Closing.Text}}</p>
</main>
</body>
</html>
`))

type reporter struct {
	Body  plan.Body
	Tasks []plan.Task
	Due   string
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		reg := plan.Default()
		today := plan.Today()
		var rs []reporter
		for _, b := range reg.Reporters(today) {
			ts, _ := reg.Tasks(b.ID, today)
			due := ""
			if d, err := reg.Due(b.ID, plan.Period{Kind: plan.Annual, Year: today.Year}); err == nil {
				due = d.Vietnamese()
			}
			rs = append(rs, reporter{b, ts, due})
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
		if err := page.Execute(w, map[string]any{"Doc": plan.Plan(), "Today": today, "Reporters": rs}); err != nil {
			log.Print(err)
		}
	})
	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	log.Printf("portal: serving Plan %s on http://%s/", plan.ID, *addr)
	log.Fatal(srv.ListenAndServe())
}
