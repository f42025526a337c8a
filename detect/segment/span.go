package segment

// Span is one segment of a text as the segmenter found it. Start and End are
// byte offsets into the UTF-8 input; Text is input[Start:End] and never has
// surrounding white space. The JSON shape is the `lector segment` contract.
type Span struct {
	Paragraph int    `json:"paragraph"`
	Index     int    `json:"index"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
}
