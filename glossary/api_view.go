package glossary

import "time"

// apiEntryView is an entry as the JSON API shows it; Entry itself has no
// JSON names because it is the database row.
type apiEntryView struct {
	ID        int64         `json:"id"`
	Key       string        `json:"key"`
	Type      string        `json:"type"`
	Note      string        `json:"note"`
	Revision  int           `json:"revision"`
	CreatedAt time.Time     `json:"created_at"`
	UpdatedAt time.Time     `json:"updated_at"`
	Terms     []apiTermView `json:"terms"`
}

type apiTermView struct {
	ID            int64  `json:"id"`
	Lang          string `json:"lang"`
	Form          string `json:"form"`
	Status        Status `json:"status"`
	CaseSensitive bool   `json:"case_sensitive"`
	Note          string `json:"note"`
	Source        string `json:"source"`
}

func apiView(e Entry) apiEntryView {
	v := apiEntryView{ID: e.ID, Key: e.Key, Type: e.Type, Note: e.Note, Revision: e.Revision, CreatedAt: e.CreatedAt,
		UpdatedAt: e.UpdatedAt, Terms: make([]apiTermView, len(e.Terms))}
	for i, t := range e.Terms {
		v.Terms[i] = apiTermView{ID: t.ID, Lang: t.Lang, Form: t.Form, Status: t.Status,
			CaseSensitive: t.CaseSensitive, Note: t.Note, Source: t.Source}
	}
	return v
}
