package account

import (
	"context"
	"errors"
	"net/mail"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"lector/apperr"
)

// AllRoles lists every role, in the order pages show them.
func AllRoles() []string { return []string{RoleTranslator, RoleEditor, RoleGlossary, RoleAdmin} }

// maxEmail is the longest address SMTP allows (RFC 5321).
const maxEmail = 254

// NormalizeEmail trims and lower-cases an address, the form users.email
// stores.
func NormalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// validEmail accepts a bare address (no display name, angle brackets or
// comments): it catches typos; whether mail arrives is not checked.
func validEmail(email string) bool {
	if email == "" || len(email) > maxEmail {
		return false
	}
	a, err := mail.ParseAddress(email)
	if err != nil || a.Address != email || a.Name != "" {
		return false
	}
	local, domain, ok := strings.Cut(email, "@")
	return ok && local != "" && domain != "" && !strings.ContainsAny(email, " \t\r\n")
}

// ValidateRoles checks that roles is a non-empty list of known roles and
// returns it sorted in AllRoles order, without duplicates. Error codes: invalid.
func ValidateRoles(roles []string) ([]string, error) {
	if len(roles) == 0 {
		return nil, apperr.New(apperr.Invalid, "error.role_required", nil)
	}
	var out []string
	for _, r := range roles {
		if !slices.Contains(AllRoles(), r) {
			return nil, apperr.New(apperr.Invalid, "error.bad_role", map[string]any{"Role": r, "Roles": strings.Join(AllRoles(), ", ")})
		}
	}
	for _, r := range AllRoles() {
		if slices.Contains(roles, r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// CreateUser adds an account with the given roles and a generated password,
// which it returns: only its hash is stored, so the caller shows it once.
// For the command line and the demo seed. Error codes: invalid (email,
// roles), conflict (the email is taken), internal.
func CreateUser(ctx context.Context, db *gorm.DB, email, name string, roles []string) (*User, string, error) {
	email = NormalizeEmail(email)
	if !validEmail(email) {
		return nil, "", apperr.New(apperr.Invalid, "error.bad_email", map[string]any{"Email": email})
	}
	roles, err := ValidateRoles(roles)
	if err != nil {
		return nil, "", err
	}
	password, err := GeneratePassword()
	if err != nil {
		return nil, "", apperr.Wrap(err, "generate password")
	}
	hash, err := HashPassword(password)
	if err != nil {
		return nil, "", apperr.Wrap(err, "hash password")
	}
	u := &User{Email: email, Name: strings.TrimSpace(name), PasswordHash: hash}
	for _, r := range roles {
		u.Roles = append(u.Roles, UserRole{Role: r})
	}
	// GORM creates the roles with the user, in one transaction.
	if err := db.WithContext(ctx).Create(u).Error; err != nil {
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "23505" {
			return nil, "", apperr.New(apperr.Conflict, "error.email_taken", map[string]any{"Email": email})
		}
		return nil, "", apperr.Wrap(err, "create user")
	}
	return u, password, nil
}

// UserByEmail loads an account with its roles. Error codes: not_found,
// internal.
func UserByEmail(ctx context.Context, db *gorm.DB, email string) (*User, error) {
	var u User
	err := db.WithContext(ctx).Preload("Roles").Where("email = ?", NormalizeEmail(email)).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.New(apperr.NotFound, "error.user_not_found", map[string]any{"Email": NormalizeEmail(email)})
	}
	if err != nil {
		return nil, apperr.Wrap(err, "load user")
	}
	return &u, nil
}

// RoleNames returns the user's roles in AllRoles order.
func (u *User) RoleNames() []string {
	var out []string
	for _, r := range AllRoles() {
		for _, ur := range u.Roles {
			if ur.Role == r {
				out = append(out, r)
			}
		}
	}
	return out
}

// principal is who u is on one request.
func (u *User) principal(csrfToken string, viaToken bool) *Principal {
	return &Principal{UserID: u.ID, Email: u.Email, Name: u.Name, Roles: u.RoleNames(), Locale: u.Locale,
		CSRFToken: csrfToken, ViaToken: viaToken}
}
