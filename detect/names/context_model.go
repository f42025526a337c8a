package names

import "math"

// The false-friend model: a logistic regression over the cues of
// context_features.go. The weights are fitted, not chosen: TestFitFalseFriendWeights
// (context_fit_test.go) fits them on the tuning half of the labelled
// sentences in testdata/context (see its README) and prints this function;
// TestFalseFriendWeightsFitted fails when the data and these weights part,
// and TestFalseFriendCalibration measures them on the held-out half.
//
// Regenerate after changing a cue or the data:
//
//	go test ./detect/names -run TestFitFalseFriendWeights -v -args -fit
func fittedModel() ffModel {
	return ffModel{bias: -1.24, weights: [numFeatures]float64{
		featCapitalised:     1.346,  // capitalised, in 19 of 210 tuning sentences
		featPersonVerb:      2.452,  // person-verb, in 62 of 210 tuning sentences
		featAttribution:     2.101,  // attribution, in 15 of 210 tuning sentences
		featTitle:           1.791,  // title, in 38 of 210 tuning sentences
		featGivenName:       1.372,  // given-name, in 25 of 210 tuning sentences
		featPossessive:      0,      // possessive, in 0 of 210 tuning sentences
		featRelational:      1.785,  // relational, in 19 of 210 tuning sentences
		featObjectVerb:      0.844,  // object-verb, in 7 of 210 tuning sentences
		featCoordinated:     2.21,   // coordinated, in 13 of 210 tuning sentences
		featProperNeighbour: -0.554, // proper-neighbour, in 3 of 210 tuning sentences
		featMentioned:       -0.049, // mentioned, in 35 of 210 tuning sentences
		featConsistent:      2.266,  // consistent, in 13 of 210 tuning sentences
		featLowercaseDe:     -0.462, // lowercase-de, in 3 of 210 tuning sentences
		featDeterminer:      -0.859, // determiner, in 44 of 210 tuning sentences
		featModifier:        -1.766, // modifier, in 24 of 210 tuning sentences
		featPrepDeterminer:  -0.342, // prep-determiner, in 8 of 210 tuning sentences
		featPrepBare:        -0.654, // prep-bare, in 5 of 210 tuning sentences
		featPlural:          -0.336, // plural, in 2 of 210 tuning sentences
	}}
}

// ffModel is a logistic regression over the cues: the probability that the
// name is meant is 1/(1+exp(-(bias + Σ weight·cue))).
type ffModel struct {
	bias    float64
	weights [numFeatures]float64
}

// falseFriendMax caps a false friend's confidence below a deprecated form's
// (0.99): the glossary says "mask" is wrong only when it means the person.
const falseFriendMax = 0.95

// confidence turns cues into the probability that the name is meant,
// capped at falseFriendMax.
func (m *ffModel) confidence(v *ffVector) float64 {
	return min(m.probability(v), falseFriendMax)
}

func (m *ffModel) probability(v *ffVector) float64 {
	z := m.bias
	for i, x := range v {
		z += m.weights[i] * x
	}
	return 1 / (1 + math.Exp(-z))
}
