package names

// entriesFromNames makes one person entry per name, its preferred English form.
func entriesFromNames(names []string) []Entry {
	entries := make([]Entry, len(names))
	for i, n := range names {
		entries[i] = Entry{Key: n, Type: "person", Terms: []Term{{Lang: "en", Form: n, Status: Preferred, CaseSensitive: true}}}
	}
	return entries
}
