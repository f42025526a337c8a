package locales

import (
	"context"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

type translatorKey struct{}

// WithTranslator returns ctx carrying t, so that domain code can localize
// without knowing about HTTP.
func WithTranslator(ctx context.Context, t *Translator) context.Context {
	return context.WithValue(ctx, translatorKey{}, t)
}

// FromContext returns the request's translator; English when none was set.
func FromContext(ctx context.Context, b *i18n.Bundle) *Translator {
	if t, ok := ctx.Value(translatorKey{}).(*Translator); ok {
		return t
	}
	return NewTranslator(b)
}
