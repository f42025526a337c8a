package webhook

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/audit"
)

// Add registers an endpoint; only admins may. allowPrivate is
// config.Webhooks.AllowPrivate. Codes: unauthorized, forbidden, invalid
// (Data "Field": url, events or secret).
func Add(ctx context.Context, db *gorm.DB, p *account.Principal, r Registration, allowPrivate bool) (*Endpoint, error) {
	if err := account.Require(p, account.RoleAdmin); err != nil {
		return nil, err
	}
	return add(ctx, db, &p.UserID, r, allowPrivate)
}

// AddByOperator is Add for the command line, whose user reaches the
// database directly and so needs no role. Codes: invalid.
func AddByOperator(ctx context.Context, db *gorm.DB, r Registration, allowPrivate bool) (*Endpoint, error) {
	return add(ctx, db, nil, r, allowPrivate)
}

func add(ctx context.Context, db *gorm.DB, actor *int64, r Registration, allowPrivate bool) (*Endpoint, error) {
	if err := r.validate(allowPrivate); err != nil {
		return nil, err
	}
	events, err := json.Marshal(r.Events)
	if err != nil {
		return nil, err
	}
	e := &Endpoint{URL: r.URL, Secret: r.Secret, Events: events, CreatedBy: actor}
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(e).Error; err != nil {
			return err
		}
		detail, err := json.Marshal(map[string]any{"url": e.URL, "events": r.Events})
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, &audit.Event{ActorID: actor, SubjectType: "webhook_endpoint", SubjectID: e.ID,
			Action: "webhook.add", Detail: detail})
	})
	if err != nil {
		return nil, apperr.Annotate(err, "add webhook")
	}
	return e, nil
}

// List returns every endpoint, oldest first; only admins may.
func List(ctx context.Context, db *gorm.DB, p *account.Principal) ([]Endpoint, error) {
	if err := account.Require(p, account.RoleAdmin); err != nil {
		return nil, err
	}
	return ListByOperator(ctx, db)
}

// ListByOperator is List for the command line.
func ListByOperator(ctx context.Context, db *gorm.DB) ([]Endpoint, error) {
	out := []Endpoint{}
	if err := db.WithContext(ctx).Order("id").Find(&out).Error; err != nil {
		return nil, apperr.Wrap(err, "list webhooks")
	}
	return out, nil
}

// Remove deletes an endpoint and its delivery log; jobs still queued for
// it find nothing to send. Only admins may. Codes: unauthorized,
// forbidden, not_found.
func Remove(ctx context.Context, db *gorm.DB, p *account.Principal, id int64) error {
	if err := account.Require(p, account.RoleAdmin); err != nil {
		return err
	}
	return remove(ctx, db, &p.UserID, id)
}

// RemoveByOperator is Remove for the command line. Codes: not_found.
func RemoveByOperator(ctx context.Context, db *gorm.DB, id int64) error {
	return remove(ctx, db, nil, id)
}

func remove(ctx context.Context, db *gorm.DB, actor *int64, id int64) error {
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var e Endpoint
		if err := tx.Select("id", "url").Take(&e, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return apperr.New(apperr.NotFound, "webhook.error.not_found", map[string]any{"ID": id})
		} else if err != nil {
			return err
		}
		if err := tx.Delete(&Endpoint{}, id).Error; err != nil {
			return err
		}
		detail, err := json.Marshal(map[string]any{"url": e.URL})
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, &audit.Event{ActorID: actor, SubjectType: "webhook_endpoint", SubjectID: id,
			Action: "webhook.remove", Detail: detail})
	})
	return apperr.Annotate(err, fmt.Sprintf("remove webhook %d", id))
}
