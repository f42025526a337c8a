package typography

import (
	"strings"
	"testing"

	"lector/detect/internal/enginetest"
)

// BenchmarkTypography runs the checks over about 1 MB: the seed article
// repeated, so that the findings per byte are those of real input.
//
//	go test ./review -run '^$' -bench Typography -benchmem
func BenchmarkTypography(b *testing.B) {
	typoBench(b, typoRepeatToMB(enginetest.ReadText(b, "../../seeds/000_02e3862b8b13521d.txt")))
}

// BenchmarkTypographyCyrillic: the same over clean Russian and Ukrainian
// text, where nearly every byte is part of a two-byte rune.
func BenchmarkTypographyCyrillic(b *testing.B) {
	var sb strings.Builder
	for _, name := range []string{"clean_ru.txt", "clean_uk.txt"} {
		sb.WriteString(enginetest.ReadText(b, "testdata/"+name))
		sb.WriteString("\n\n")
	}
	typoBench(b, typoRepeatToMB(sb.String()))
}

func typoRepeatToMB(unit string) string {
	return strings.Repeat(unit+"\n\n", 1<<20/(len(unit)+2)+1)
}

func typoBench(b *testing.B, text string) {
	spans := paragraphSpansForTest(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Check(text, spans)
	}
}
