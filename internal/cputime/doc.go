// Package cputime reads the CPU time of this process, which on a shared,
// loaded machine says more about a benchmark's own cost than the wall
// clock. The engine's and the server's benchmarks both measure with it, so
// it imports nothing of Lector's (the engine may import nothing outside
// detect/ but such leaves).
package cputime
