package review

// ClaimableSQL lets the external tests explain the claim's query.
const ClaimableSQL = claimable

// ClaimQuery is the claim's statement for user in article.
func ClaimQuery(article, user int64) (string, []any) {
	return claimQuery(QueueFilter{ArticleID: article}, user)
}
