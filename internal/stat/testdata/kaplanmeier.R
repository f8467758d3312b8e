# Reference values for TestKMQuantileRandom (internal/stat/kaplanmeier_test.go).
# R 4.2.2, survival 3.5.3: Rscript kaplanmeier.R > kaplanmeier.txt
# Each line: durations; events (1 ended, 0 censored); quantiles, lower and upper 95% limits
# at p = .25, .5, .75 (quantile(survfit(Surv(t, e) ~ 1)), conf.type = "log"); NA is "NA".
library(survival)
set.seed(7)
for (k in 1:40) {
  n <- sample(5:60, 1)
  t <- sample(1:25, n, replace = TRUE)
  e <- rbinom(n, 1, runif(1, .3, 1))
  q <- quantile(survfit(Surv(t, e) ~ 1), c(.25, .5, .75))
  f <- function(x) paste(ifelse(is.na(x), "NA", format(x, digits = 17, trim = TRUE)), collapse = ",")
  cat(paste(t, collapse = ","), paste(e, collapse = ","), f(q$quantile), f(q$lower), f(q$upper), sep = ";")
  cat("\n")
}
