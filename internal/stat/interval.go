package stat

// Interval is a confidence interval [Lower, Upper]. Packages export it under their own
// name (outcome.Interval, sampling.Interval, ...) as an alias of this one type.
type Interval struct {
	Lower, Upper float64
}
