module github.com/claimgraph/claimgraph

go 1.26.8

require golang.org/x/text v0.34.0
