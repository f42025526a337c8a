package webhook

import (
	"encoding/base64"
	"net/netip"
	"net/url"
	"slices"
	"strings"

	"lector/apperr"
	"lector/request"
)

// Limits of a registration.
const (
	MaxURLBytes    = 2048
	MaxSecretBytes = 1024
	// MinSecretBytes: a shorter key is guessable (Standard Webhooks asks
	// for 24 to 64 random bytes; 16 is the floor Lector accepts).
	MinSecretBytes = 16
)

// Registration is what an admin gives to register an endpoint.
type Registration struct {
	URL    string   `json:"url"`
	Events []string `json:"events"`
	Secret string   `json:"secret"`
}

// validate checks r field by field; the first problem names its field.
// allowPrivate also accepts URLs that name a non-public address outright
// (names are checked again when a delivery connects, see dialer).
func (r *Registration) validate(allowPrivate bool) error {
	r.URL = strings.TrimSpace(r.URL)
	if err := checkURL(r.URL, allowPrivate); err != nil {
		return err
	}
	if err := checkEvents(r.Events); err != nil {
		return err
	}
	return checkSecret(r.Secret)
}

func checkURL(raw string, allowPrivate bool) error {
	if raw == "" {
		return apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "url"})
	}
	if err := request.Line("url", raw, MaxURLBytes); err != nil {
		return err
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Hostname() == "" {
		return apperr.New(apperr.Invalid, "webhook.error.bad_url", map[string]any{"Field": "url"})
	}
	if u.User != nil {
		// The URL is listed back to every admin; a password in it would be.
		return apperr.New(apperr.Invalid, "webhook.error.url_credentials", map[string]any{"Field": "url"})
	}
	if ip, err := netip.ParseAddr(strings.Trim(u.Hostname(), "[]")); err == nil && !allowPrivate && !public(ip) {
		return apperr.New(apperr.Invalid, "webhook.error.private_url", map[string]any{"Field": "url"})
	}
	if !allowPrivate && strings.EqualFold(strings.TrimSuffix(u.Hostname(), "."), "localhost") {
		return apperr.New(apperr.Invalid, "webhook.error.private_url", map[string]any{"Field": "url"})
	}
	return nil
}

// public reports whether ip is an address on the internet: not loopback,
// private (RFC 1918, fc00::/7), link-local, unspecified, multicast or
// carrier-grade NAT.
func public(ip netip.Addr) bool {
	ip = ip.Unmap()
	cgnat := netip.MustParsePrefix("100.64.0.0/10")
	return ip.IsValid() && !ip.IsLoopback() && !ip.IsPrivate() && !ip.IsLinkLocalUnicast() && !ip.IsLinkLocalMulticast() &&
		!ip.IsInterfaceLocalMulticast() && !ip.IsMulticast() && !ip.IsUnspecified() && !cgnat.Contains(ip)
}

func checkEvents(events []string) error {
	if len(events) == 0 {
		return apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "events"})
	}
	for _, e := range events {
		if !slices.Contains(Events(), e) {
			return apperr.New(apperr.Invalid, "webhook.error.unknown_event", map[string]any{"Field": "events", "Value": e, "Allowed": strings.Join(Events(), ", ")})
		}
	}
	return nil
}

func checkSecret(secret string) error {
	switch {
	case secret == "":
		return apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "secret"})
	case len(secret) > MaxSecretBytes:
		return apperr.New(apperr.Invalid, "error.field_too_long", map[string]any{"Field": "secret", "Limit": MaxSecretBytes})
	case strings.TrimSpace(secret) != secret || strings.ContainsFunc(secret, func(r rune) bool { return r < ' ' || r == 0x7f }):
		return apperr.New(apperr.Invalid, "webhook.error.bad_secret", map[string]any{"Field": "secret", "Min": MinSecretBytes})
	}
	key := []byte(secret)
	if rest, ok := strings.CutPrefix(secret, secretPrefix); ok {
		var err error
		if key, err = base64.StdEncoding.DecodeString(rest); err != nil {
			return apperr.New(apperr.Invalid, "webhook.error.bad_secret", map[string]any{"Field": "secret", "Min": MinSecretBytes})
		}
	}
	if len(key) < MinSecretBytes {
		return apperr.New(apperr.Invalid, "webhook.error.bad_secret", map[string]any{"Field": "secret", "Min": MinSecretBytes})
	}
	return nil
}
