//go:build tools

// This file pins the project's dependencies in go.mod before every package that
// uses them exists.
package graph

import (
	_ "github.com/getkin/kin-openapi/openapi3"
	_ "github.com/gin-gonic/gin"
	_ "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	_ "github.com/stretchr/testify/require"
	_ "go.etcd.io/bbolt"
)
