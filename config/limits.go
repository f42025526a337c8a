package config

import "flag"

// Limits are this process's fair shares: how much of the shared resources
// one account or one client address may hold, so that one user cannot take
// them from everyone else.
type Limits struct {
	// StreamsPerAccount and StreamsPerAddress bound the open live-update
	// streams of one signed-in account and of one client address; the
	// process-wide cap (live.DefaultMaxSubscribers) holds as well.
	StreamsPerAccount int
	StreamsPerAddress int
	// PasswordHashes bounds argon2id hashes computed at once (46 MiB each):
	// sign-ins beyond it wait briefly, then get 429.
	PasswordHashes int
}

// Defaults of the limits. A page follows one stream; eight allow a few
// tabs of one person, thirty-two a few people behind one address.
const (
	DefaultStreamsPerAccount = 8
	DefaultStreamsPerAddress = 32
	DefaultPasswordHashes    = 4
)

func bindLimits(fs *flag.FlagSet, getenv func(string) string, c *Config) {
	c.Limits = Limits{StreamsPerAccount: DefaultStreamsPerAccount, StreamsPerAddress: DefaultStreamsPerAddress,
		PasswordHashes: DefaultPasswordHashes}
	b := binder{fs: fs, getenv: getenv, c: c}
	b.count(&c.Limits.StreamsPerAccount, "live-streams-per-account", "LECTOR_LIVE_STREAMS_PER_ACCOUNT", "open live-update streams at most per account and process")
	b.count(&c.Limits.StreamsPerAddress, "live-streams-per-address", "LECTOR_LIVE_STREAMS_PER_ADDRESS", "open live-update streams at most per client address and process")
	b.count(&c.Limits.PasswordHashes, "password-hashes", "LECTOR_PASSWORD_HASHES", "password hashes (46 MiB each) computed at once per process")
}

// finishLimits fills the defaults into a Config built without Bind.
func (c *Config) finishLimits() {
	l := &c.Limits
	fillDefault(&l.StreamsPerAccount, DefaultStreamsPerAccount)
	fillDefault(&l.StreamsPerAddress, DefaultStreamsPerAddress)
	fillDefault(&l.PasswordHashes, DefaultPasswordHashes)
}
