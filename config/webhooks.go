package config

import (
	"strconv"
	"time"
)

// Webhooks tunes the delivery of webhooks (package webhook).
type Webhooks struct {
	// Timeout bounds one delivery attempt: connecting, sending and the
	// receiver's answer.
	Timeout time.Duration
	// AllowPrivate lets deliveries reach loopback, private, link-local and
	// other non-public addresses. Off, an admin could otherwise make the
	// server probe its own network (SSRF).
	AllowPrivate bool
}

// DefaultWebhookTimeout is Webhooks.Timeout unless configured.
const DefaultWebhookTimeout = 10 * time.Second

func (b binder) webhooks(c *Webhooks) {
	c.Timeout = DefaultWebhookTimeout
	b.dur(&c.Timeout, "webhook-timeout", "LECTOR_WEBHOOK_TIMEOUT", "one webhook delivery attempt's time at most", false)
	set := func(s string) error {
		v, err := strconv.ParseBool(s)
		if err == nil {
			c.AllowPrivate = v
		}
		return err
	}
	if v := b.getenv("LECTOR_WEBHOOK_ALLOW_PRIVATE"); v != "" {
		if err := set(v); err != nil {
			b.c.envErr = joinEnv(b.c.envErr, "LECTOR_WEBHOOK_ALLOW_PRIVATE", v, err)
		}
	}
	b.fs.BoolFunc("webhook-allow-private", "let webhooks reach private, loopback and link-local addresses (env LECTOR_WEBHOOK_ALLOW_PRIVATE)", set)
}
