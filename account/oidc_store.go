package account

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"

	"golang.org/x/oauth2"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"lector/apperr"
	"lector/audit"
)

// OIDCLoginLifetime is how long a sign-in begun at Lector may take at the
// provider before its state is refused. MaxOIDCLogins bounds the sign-ins
// begun and unfinished at once: anyone may begin one, and each is a row.
const (
	OIDCLoginLifetime = 10 * time.Minute
	MaxOIDCLogins     = 10000
)

// BeginOIDCLogin stores a new sign-in that returns to next and gives its
// state, for the provider and the browser's cookie; only the state's hash
// is kept. Sign-ins left unfinished are deleted as new ones begin. Error
// codes: unavailable (MaxOIDCLogins unfinished), internal.
func BeginOIDCLogin(ctx context.Context, db *gorm.DB, next string) (string, *OIDCLogin, error) {
	state := newSecret()
	l := &OIDCLogin{StateHash: hashSecret(state), Nonce: newSecret(), CodeVerifier: oauth2.GenerateVerifier(),
		Next: SafeNext(next), ExpiresAt: time.Now().Add(OIDCLoginLifetime)}
	if err := db.WithContext(ctx).Where("expires_at < now()").Delete(&OIDCLogin{}).Error; err != nil {
		return "", nil, apperr.Wrap(err, "delete unfinished sign-ins")
	}
	var open int64
	if err := db.WithContext(ctx).Model(&OIDCLogin{}).Count(&open).Error; err != nil {
		return "", nil, apperr.Wrap(err, "count unfinished sign-ins")
	}
	if open >= MaxOIDCLogins {
		return "", nil, apperr.NewUnavailable(errors.New("too many unfinished OpenID Connect sign-ins"), 60)
	}
	if err := db.WithContext(ctx).Create(l).Error; err != nil {
		return "", nil, apperr.Wrap(err, "store sign-in")
	}
	return state, l, nil
}

// ConsumeOIDCLogin takes the sign-in of state out of the store: a state
// works once, so a replayed callback finds nothing. Error codes: invalid
// (unknown, used or expired state), internal.
func ConsumeOIDCLogin(ctx context.Context, db *gorm.DB, state string) (*OIDCLogin, error) {
	var ls []OIDCLogin
	err := db.WithContext(ctx).Clauses(clause.Returning{}).Where("state_hash = ?", hashSecret(state)).Delete(&ls).Error
	if err != nil {
		return nil, apperr.Wrap(err, "take sign-in")
	}
	if len(ls) == 0 || time.Now().After(ls[0].ExpiresAt) {
		return nil, apperr.New(apperr.Invalid, "error.oidc_state", nil)
	}
	return &ls[0], nil
}

// SignInExternal returns the account of id, creating it on the first
// sign-in, and sets its roles to id's: the provider's groups decide them
// at every sign-in. An account with the same email and no provider is
// taken over only when the provider says it verified the address. Role
// changes and new accounts are audit-logged. Error codes: forbidden (no
// role; disabled), conflict (the email belongs to another account),
// internal.
func SignInExternal(ctx context.Context, db *gorm.DB, id *Identity) (*User, error) {
	var u User
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Preload("Roles").Clauses(clause.Locking{Strength: "UPDATE"}).
			Where("oidc_issuer = ? AND oidc_subject = ?", id.Issuer, id.Subject).Limit(1).Find(&u)
		if res.Error != nil {
			return apperr.Wrap(res.Error, "load user")
		}
		created := false
		switch {
		case res.RowsAffected > 0:
			if err := updateProfile(tx, id, &u); err != nil {
				return err
			}
		case len(id.Roles) == 0:
			// Nothing to create or take over for someone with no role.
			return apperr.New(apperr.Forbidden, "error.oidc_no_role", nil)
		default:
			var err error
			if created, err = linkOrCreate(tx, id, &u); err != nil {
				return err
			}
		}
		return setRoles(ctx, tx, &u, id.Roles, created)
	})
	if err != nil {
		return nil, err
	}
	// Refused after the commit: the roles the provider took away are gone
	// from the account, and so from its open sessions.
	if u.DisabledAt != nil {
		return nil, apperr.New(apperr.Forbidden, "error.account_disabled", nil)
	}
	if len(id.Roles) == 0 {
		return nil, apperr.New(apperr.Forbidden, "error.oidc_no_role", nil)
	}
	return &u, nil
}

// linkOrCreate finds the local account of id's email, or creates one, and
// names it by id. Error codes: conflict, internal.
func linkOrCreate(tx *gorm.DB, id *Identity, u *User) (bool, error) {
	res := tx.Preload("Roles").Clauses(clause.Locking{Strength: "UPDATE"}).Where("email = ?", id.Email).Limit(1).Find(u)
	if res.Error != nil {
		return false, apperr.Wrap(res.Error, "load user")
	}
	if res.RowsAffected > 0 {
		if u.OIDCIssuer != nil || !id.EmailVerified {
			return false, apperr.New(apperr.Conflict, "error.oidc_email_taken", map[string]any{"Email": id.Email})
		}
		u.OIDCIssuer, u.OIDCSubject = &id.Issuer, &id.Subject
		err := tx.Model(u).Updates(map[string]any{"oidc_issuer": id.Issuer, "oidc_subject": id.Subject}).Error
		return false, apperr.Annotate(err, "link user")
	}
	*u = User{Email: id.Email, Name: strings.TrimSpace(id.Name), OIDCIssuer: &id.Issuer, OIDCSubject: &id.Subject}
	if err := tx.Omit("Roles").Create(u).Error; err != nil {
		return false, apperr.Wrap(err, "create user")
	}
	return true, nil
}

// updateProfile follows the provider's email and name when they change,
// unless the new email belongs to another account. Error codes: internal.
func updateProfile(tx *gorm.DB, id *Identity, u *User) error {
	changes := map[string]any{}
	if name := strings.TrimSpace(id.Name); name != "" && name != u.Name {
		changes["name"], u.Name = name, name
	}
	if id.Email != u.Email {
		var taken int64
		if err := tx.Model(&User{}).Where("email = ?", id.Email).Count(&taken).Error; err != nil {
			return apperr.Wrap(err, "look up email")
		}
		if taken == 0 {
			changes["email"], u.Email = id.Email, id.Email
		}
	}
	if len(changes) == 0 {
		return nil
	}
	return apperr.Annotate(tx.Model(u).Updates(changes).Error, "update user")
}

// setRoles replaces u's roles by roles (in AllRoles order) and records the
// change. Error codes: internal.
func setRoles(ctx context.Context, tx *gorm.DB, u *User, roles []string, created bool) error {
	before := u.RoleNames()
	if slices.Equal(before, roles) && !created {
		return nil
	}
	if err := tx.Where("user_id = ?", u.ID).Delete(&UserRole{}).Error; err != nil {
		return apperr.Wrap(err, "clear roles")
	}
	u.Roles = nil
	for _, r := range roles {
		u.Roles = append(u.Roles, UserRole{UserID: u.ID, Role: r})
	}
	if len(u.Roles) > 0 {
		if err := tx.Create(&u.Roles).Error; err != nil {
			return apperr.Wrap(err, "grant roles")
		}
	}
	action := "roles_from_provider"
	if created {
		action = "created_by_provider"
	}
	detail, _ := json.Marshal(map[string]any{"issuer": *u.OIDCIssuer, "subject": *u.OIDCSubject}) // strings always marshal
	return apperr.Annotate(audit.Record(ctx, tx, &audit.Event{ActorID: &u.ID, SubjectType: "user", SubjectID: u.ID, Action: action,
		FromState: strings.Join(before, ","), ToState: strings.Join(roles, ","), Detail: detail}), "record roles")
}
