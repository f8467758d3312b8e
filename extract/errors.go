package extract

import (
	"errors"

	"github.com/opfolgning/opfolgning/problem"
)

func asProblem(err error, target **problem.Error) bool { return errors.As(err, target) }
