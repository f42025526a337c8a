package review

// ClaimableSQL lets the external tests explain the claim's query.
const ClaimableSQL = claimable
