package main

import (
	"strings"
	"testing"

	"lector/database/dbtest"
)

const cliXLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
 <file source-language="ru" datatype="plaintext" original="musk.txt">
  <body>
   <trans-unit id="1"><source>Илон Маск.</source><target state="final">Ilon Musk spoke.</target></trans-unit>
   <trans-unit id="2"><source>Он ушёл.</source><target>He left.</target></trans-unit>
  </body>
 </file>
</xliff>
`

func TestArticleImportXLIFF(t *testing.T) {
	db := []string{"--database-url", dbtest.NewURL(t)}
	file := writeFile(t, "musk.xlf", cliXLIFF)
	code, out, stderr := lector(t, "", append([]string{"article", "import", file, "--lang", "en"}, db...)...)
	if code != 0 || out != "article 1: 2 segments, 0 flags\n" { // an empty database has no glossary
		t.Fatalf("import: exit %d, out %q, stderr %q", code, out, stderr)
	}
	// Found by content without the extension, with a title given.
	noExt := writeFile(t, "musk", cliXLIFF)
	code, out, stderr = lector(t, "", append([]string{"article", "import", noExt, "--title", "Musk"}, db...)...)
	if code != 0 || !strings.HasPrefix(out, "article 2: 2 segments") {
		t.Fatalf("import by content: exit %d, out %q, stderr %q", code, out, stderr)
	}
	// "As approved" is an XLIFF import's option: a text file has no states.
	text := writeFile(t, "musk.txt", "Ilon Musk spoke.")
	code, out, stderr = lector(t, "", append([]string{"article", "import", text, "--title", "T", "--as-approved"}, db...)...)
	if code != 2 || out != "" || !strings.Contains(stderr, "--as-approved goes only with an XLIFF file") {
		t.Errorf("--as-approved with a text file: exit %d, out %q, stderr %q", code, out, stderr)
	}
	bad := []struct {
		name, content string
		args          []string
		want          string
	}{
		{"malformed", strings.Replace(cliXLIFF, "</target></trans-unit>\n   <trans-unit id=\"2\">", "</trans-unit>\n   <trans-unit id=\"2\">", 1), nil,
			"line 5, element <target>: the XML is not well-formed"},
		{"entities", `<?xml version="1.0"?>` + "\n" + `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff>&e;</xliff>`, nil, "line 2: a DOCTYPE"},
		{"with --source", cliXLIFF, []string{"--source", "x.txt", "--source-lang", "ru"}, "do not go with an XLIFF file"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "bad.xlf", tt.content)
			args := append(append([]string{"article", "import", path}, tt.args...), db...)
			code, out, stderr := lector(t, "", args...)
			if code != 2 || out != "" || !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "bad.xlf") ||
				strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("exit %d, out %q, stderr %q; want exit 2 and one line naming bad.xlf and %q", code, out, stderr, tt.want)
			}
		})
	}
}
