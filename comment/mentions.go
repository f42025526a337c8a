package comment

import (
	"context"
	"regexp"
	"strings"

	"gorm.io/gorm"
)

// mentionRE finds @handles: a user's whole e-mail address (@anna@example.org)
// or its part before the @ (@anna) when no other user shares it. An @ inside
// a word (an address written out) is no mention.
var mentionRE = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_.@+-])@([\p{L}\p{N}_.+-]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)`)

// handles returns the distinct handles body mentions, lower-cased, in
// order, at most MaxMentions.
func handles(body string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range mentionRE.FindAllStringSubmatch(body, -1) {
		h := strings.ToLower(strings.TrimRight(m[1], "."))
		if h == "" || seen[h] {
			continue
		}
		seen[h] = true
		out = append(out, h)
		if len(out) == MaxMentions {
			break
		}
	}
	return out
}

// resolve finds the enabled users the handles name: an address names its
// user, a bare handle the one user whose address starts with it (none when
// several do, since nobody can tell which was meant).
func resolve(ctx context.Context, tx *gorm.DB, hs []string) ([]int64, error) {
	if len(hs) == 0 {
		return nil, nil
	}
	var users []struct {
		ID    int64
		Email string
	}
	err := tx.WithContext(ctx).Raw(`SELECT id, email FROM users
WHERE disabled_at IS NULL AND (email IN ? OR split_part(email, '@', 1) IN ?) ORDER BY id`, hs, hs).Scan(&users).Error
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, h := range hs {
		var match []int64
		for _, u := range users {
			local, _, _ := strings.Cut(u.Email, "@")
			if u.Email == h || !strings.Contains(h, "@") && local == h {
				match = append(match, u.ID)
			}
		}
		if len(match) == 1 {
			ids = append(ids, match[0])
		}
	}
	return ids, nil
}
