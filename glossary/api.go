package glossary

import (
	"bytes"
	"context"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/locales"
	"lector/request"
)

// Reloader is told the whole glossary after every write through the API;
// review.Checker is one. version grows with every write, so that a slow
// rebuild can tell it is older than one already in.
type Reloader interface {
	Reload(entries []Entry, version uint64) bool
}

// Changed is told, inside the transaction of a glossary write, that the
// glossary changed and why (one of the Reason constants); the rescan
// package's Queue.Enqueue is one, so that the rescan the change calls for
// is committed with it or not at all. Its error rolls the write back.
type Changed func(ctx context.Context, tx *gorm.DB, reason string) error

// Why the glossary changed, as Changed is told.
const (
	ReasonCreate = "glossary.create"
	ReasonUpdate = "glossary.update"
	ReasonDelete = "glossary.delete"
	ReasonImport = "glossary.import"
)

// Handlers serve the glossary API. Handlers parse, load, act (the routes
// table has authorized), then render; every write tells Changed in its
// transaction and reloads Live after the commit.
type Handlers struct {
	DB      *gorm.DB
	Live    Reloader     // nil: nothing to reload
	Changed Changed      // nil: nobody to tell
	Logger  *slog.Logger // for a failed reload; nil: slog.Default
	version atomic.Uint64
}

// write runs a glossary write and Changed in one transaction; the write's
// own transaction becomes a savepoint in it.
func (h *Handlers) write(ctx context.Context, reason string, fn func(tx *gorm.DB) error) error {
	if h.Changed == nil {
		return fn(h.DB)
	}
	return h.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := fn(tx); err != nil {
			return err
		}
		return h.Changed(ctx, tx, reason)
	})
}

// reload rebuilds the live checker after a committed write. The version is
// taken before the load, so a load that starts later, and sees more, always
// has the higher version. A failed reload is logged, not answered: the
// write stands, and an error would invite the client to repeat it; the next
// write reloads again.
func (h *Handlers) reload(ctx context.Context) {
	if h.Live == nil {
		return
	}
	v := h.version.Add(1)
	// The write is committed; the reload must not be cut short because the
	// client went away.
	entries, err := LoadEntries(context.WithoutCancel(ctx), h.DB)
	if err != nil {
		log := h.Logger
		if log == nil {
			log = slog.Default()
		}
		log.Error("reloading the checker after a glossary write", "err", err)
		return
	}
	h.Live.Reload(entries, v)
}

// Reload rebuilds Live from the database, for writes this process did not
// make: another lector process's API, or the command line (the live feed
// tells the server of them).
func (h *Handlers) Reload(ctx context.Context) { h.reload(ctx) }

func apiActor(c echo.Context) *int64 {
	if p := account.PrincipalFrom(c.Request().Context()); p != nil {
		return &p.UserID
	}
	return nil
}

func apiPathID(c echo.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.New(apperr.NotFound, "error.glossary_entry_not_found", map[string]any{"ID": c.Param("id")})
	}
	return id, nil
}

// withEntryID calls next with the entry id of the path.
func withEntryID(c echo.Context, next func(echo.Context, int64) error) error {
	id, err := apiPathID(c)
	if err != nil {
		return err
	}
	return next(c, id)
}

// pathEntry loads the entry the path names. Codes: not_found.
func (h *Handlers) pathEntry(c echo.Context) (Entry, error) {
	id, err := apiPathID(c)
	if err != nil {
		return Entry{}, err
	}
	return GetEntry(c.Request().Context(), h.DB, id)
}

// APIList: GET /api/v1/glossary/entries?q=&lang=&type=&status=&limit=&offset=.
func (h *Handlers) APIList(c echo.Context) error {
	q := Query{Q: c.QueryParam("q"), Lang: c.QueryParam("lang"), Type: c.QueryParam("type"),
		Status: Status(c.QueryParam("status")), Limit: apiDefaultLimit}
	for name, dst := range map[string]*int{"limit": &q.Limit, "offset": &q.Offset} {
		if raw := c.QueryParam(name); raw != "" {
			n, err := strconv.Atoi(raw)
			if err != nil || n < 0 {
				return apiInvalid(name, "not a whole number ≥ 0: "+strconv.Quote(raw))
			}
			*dst = n
		}
	}
	if q.Limit == 0 || q.Limit > apiMaxLimit {
		q.Limit = min(max(q.Limit, apiDefaultLimit), apiMaxLimit)
	}
	if q.Status != "" && !q.Status.Valid() {
		return apiInvalid("status", "status "+strconv.Quote(string(q.Status))+" is not one of preferred, admitted, deprecated, false-friend")
	}
	entries, total, err := SearchEntries(c.Request().Context(), h.DB, q)
	if err != nil {
		return err
	}
	views := make([]apiEntryView, len(entries))
	for i := range entries {
		views[i] = apiView(entries[i])
	}
	return c.JSON(http.StatusOK, map[string]any{"entries": views, "total": total, "limit": q.Limit, "offset": q.Offset})
}

// APIGet: GET /api/v1/glossary/entries/:id.
func (h *Handlers) APIGet(c echo.Context) error {
	e, err := h.pathEntry(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiView(e))
}

// APICreate: POST /api/v1/glossary/entries (glossary role); 201.
func (h *Handlers) APICreate(c echo.Context) error { return h.save(c, 0) }

// APIUpdate: PUT /api/v1/glossary/entries/:id (glossary role) replaces the
// type, note and terms; the key stays.
func (h *Handlers) APIUpdate(c echo.Context) error { return withEntryID(c, h.save) }

func (h *Handlers) save(c echo.Context, id int64) error {
	var f apiEntryForm
	if err := request.BindJSON(c, &f, apiMaxEntryBody); err != nil {
		return err
	}
	in, err := f.entry()
	if err != nil {
		return err
	}
	e, err := h.writeEntry(c.Request().Context(), id, in, apiActor(c))
	if err != nil {
		return err
	}
	status := http.StatusOK
	if id == 0 {
		status = http.StatusCreated
	}
	return c.JSON(status, apiView(e))
}

// APIDelete: DELETE /api/v1/glossary/entries/:id (glossary role); 204.
func (h *Handlers) APIDelete(c echo.Context) error {
	id, err := apiPathID(c)
	if err != nil {
		return err
	}
	if err := h.removeEntry(c.Request().Context(), id, apiActor(c)); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// APIImport: POST /api/v1/glossary/import?dry_run=&prune= (glossary role),
// the body a CSV or TBX file by Content-Type. 200 with the plan; 409 with
// the plan's conflicts when the import is refused.
func (h *Handlers) APIImport(c echo.Context) error {
	var opts ImportOptions
	dryRun, err := apiBool(c, "dry_run")
	if err != nil {
		return err
	}
	if opts.Prune, err = apiBool(c, "prune"); err != nil {
		return err
	}
	mt, _, _ := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	var parse func() ([]Entry, error)
	body := c.Request().Body
	switch mt {
	case "text/csv":
		parse = func() ([]Entry, error) { return ParseCSV(body, "upload.csv") }
		opts.KeepEntryNotes = true // the CSV has no column for them
	case "application/xml", "text/xml", "application/x-tbx", "application/x-tbx+xml":
		parse = func() ([]Entry, error) { return ParseTBX(body, "upload.tbx") }
	default:
		return &apperr.Error{Code: apperr.Invalid, Status: http.StatusUnsupportedMediaType,
			MessageID: "error.glossary_import_type", Data: map[string]any{"Type": mt}}
	}
	incoming, err := parse()
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if dryRun {
		plan, err := PlanImport(ctx, h.DB, incoming, opts)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, plan)
	}
	opts.ActorID, opts.Changed = apiActor(c), h.Changed
	plan, err := Import(ctx, h.DB, incoming, opts)
	if ae := apperr.As(err); err != nil && ae.Code == apperr.Conflict {
		// The error envelope, and the plan so that the conflicts are listed.
		t := locales.FromContext(ctx, nil)
		return c.JSON(http.StatusConflict, map[string]any{
			"error": map[string]any{"code": ae.Code, "message": t.Data(ae.MessageID, ae.Data)}, "plan": plan})
	}
	if err != nil {
		return err
	}
	h.reload(ctx)
	return c.JSON(http.StatusOK, plan)
}

func apiBool(c echo.Context, name string) (bool, error) {
	raw := c.QueryParam(name)
	if raw == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(raw)
	if err != nil {
		return false, apiInvalid(name, strconv.Quote(raw)+" is not true or false")
	}
	return b, nil
}

// APIExport: GET /api/v1/glossary/export?format=tbx|csv, as an attachment.
func (h *Handlers) APIExport(c echo.Context) error {
	format := c.QueryParam("format")
	// Written to a buffer first: an error midway must still become an
	// error response, not half a file.
	var buf bytes.Buffer
	if err := Export(c.Request().Context(), h.DB, &buf, format); err != nil {
		return err
	}
	ctype := "text/csv; charset=utf-8"
	if format == ExportTBX {
		ctype = "application/x-tbx+xml"
	}
	name := "glossary-" + time.Now().UTC().Format("20060102") + "." + format
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	return c.Blob(http.StatusOK, ctype, buf.Bytes())
}
