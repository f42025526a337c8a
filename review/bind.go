package review

// maxJSONBody bounds the JSON body of every workflow request but article
// creation, which carries whole texts.
const maxJSONBody = 64 << 10
