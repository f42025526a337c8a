package review_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"lector/apperr"
	"lector/review"
	"lector/review/reviewtest"
	"lector/xliff"
)

// sentences is a text of n short sentences, ten a paragraph.
func sentences(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 && i%10 == 0 {
			b.WriteString("\n\n")
		} else if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "It is %d.", i)
	}
	return b.String()
}

// Every way an article comes in refuses one over a limit with 413 and a
// message naming the limit, and stores nothing.
func TestArticleLimits(t *testing.T) {
	w, base := servedWorld(t)
	if xliff.MaxSegments != review.MaxArticleSegments {
		t.Errorf("the XLIFF reader's limit %d is not the article limit %d", xliff.MaxSegments, review.MaxArticleSegments)
	}
	longSegment := strings.Repeat("word ", review.MaxSegmentBytes/5+1) + "end."
	tooMany := sentences(review.MaxArticleSegments + 1)
	for _, tt := range []struct {
		name, text, want string
	}{
		{"too many segments", tooMany, fmt.Sprintf("more than the limit of %d segments per article", review.MaxArticleSegments)},
		{"a segment too long", "Fine.\n\n" + longSegment, fmt.Sprintf("Segment 2 is %d bytes long, more than the limit of %d bytes", len(longSegment), review.MaxSegmentBytes)},
		{"too much text", strings.Repeat("Yes. ", review.MaxTextBytes/5+1), fmt.Sprintf("limit of %d bytes", review.MaxTextBytes)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			body, err := json.Marshal(map[string]string{"title": "Big", "lang": "en", "text": tt.text})
			if err != nil {
				t.Fatal(err)
			}
			status, got := reviewtest.Call(t, base, "POST", "/api/v1/articles", w.Ed1, string(body))
			var e struct {
				Error struct{ Code, Message string }
			}
			if err := json.Unmarshal([]byte(got), &e); err != nil || status != http.StatusRequestEntityTooLarge ||
				e.Error.Code != "too_large" || !strings.Contains(e.Error.Message, tt.want) {
				t.Errorf("%d %.300s; want 413 too_large naming %q", status, got, tt.want)
			}
		})
	}
	// Imported segments (XLIFF, through ImportArticle) meet the same limits.
	segs := make([]review.ImportedSegment, review.MaxArticleSegments+1)
	for i := range segs {
		segs[i] = review.ImportedSegment{Paragraph: i / 10, MT: fmt.Sprintf("It is %d.", i)}
	}
	_, err := review.ImportArticle(context.Background(), w.DB, w.Checker, review.ImportedArticle{Title: "Big", Lang: "en", Segments: segs})
	reviewtest.WantCode(t, err, apperr.TooLarge)
	if ae := apperr.As(err); ae.MessageID != "error.article_too_many_segments" {
		t.Errorf("import of too many segments: %v", err)
	}
	_, err = review.ImportArticle(context.Background(), w.DB, w.Checker, review.ImportedArticle{Title: "Big", Lang: "en",
		Segments: []review.ImportedSegment{{MT: "Fine."}, {MT: "Fine.", Current: longSegment}}})
	if ae := apperr.As(err); ae.Code != apperr.TooLarge || ae.MessageID != "error.segment_too_large" || ae.Data["Position"] != 2 {
		t.Errorf("import of a corrected text too long: %v", err)
	}
	reviewtest.NoRows(t, w.DB, &review.Article{}, "articles")
}
