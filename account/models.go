// Package account owns users, their roles, browser sessions and API tokens.
package account

import "time"

// Roles a user may hold; a user may hold several.
const (
	RoleTranslator = "translator"
	RoleEditor     = "editor"
	RoleGlossary   = "glossary"
	RoleAdmin      = "admin"
)

// User is a person who signs in. Email is stored lower-cased.
type User struct {
	ID           int64 `gorm:"primaryKey"`
	Email        string
	Name         string
	PasswordHash string
	Locale       string
	CreatedAt    time.Time
	DisabledAt   *time.Time
	// OIDCIssuer and OIDCSubject name the account at an OpenID Provider
	// (both or neither); such accounts may have no password.
	OIDCIssuer  *string    `gorm:"column:oidc_issuer"`
	OIDCSubject *string    `gorm:"column:oidc_subject"`
	Roles       []UserRole `gorm:"foreignKey:UserID"`
}

// UserRole grants one role to one user.
type UserRole struct {
	UserID int64  `gorm:"primaryKey;autoIncrement:false"`
	Role   string `gorm:"primaryKey"`
}

// Session is a browser session; ID is the SHA-256 of the cookie value.
type Session struct {
	ID         string `gorm:"primaryKey"`
	UserID     int64
	CSRFToken  string `gorm:"column:csrf_token"`
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	Address    string
	UserAgent  string
}

// APIToken authenticates API calls; only the SHA-256 of the token is kept.
type APIToken struct {
	ID         int64 `gorm:"primaryKey"`
	UserID     int64
	TokenHash  string
	Name       string
	CreatedAt  time.Time
	LastUsedAt *time.Time
	ExpiresAt  *time.Time
}

func (APIToken) TableName() string { return "api_tokens" }

// LoginAttempt is one failed sign-in, kept for the rate limit's window.
type LoginAttempt struct {
	ID      int64 `gorm:"primaryKey"`
	Email   string
	Address string
	At      time.Time
}

// OIDCLogin is an OpenID Connect sign-in begun and not yet finished;
// StateHash is the SHA-256 of its state, which the browser carries.
type OIDCLogin struct {
	StateHash    string `gorm:"primaryKey"`
	Nonce        string
	CodeVerifier string
	Next         string
	CreatedAt    time.Time
	ExpiresAt    time.Time
}

func (OIDCLogin) TableName() string { return "oidc_logins" }
