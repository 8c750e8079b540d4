//go:build !linux

package e2e

import "os/exec"

// setChildAttrs is a no-op where the parent-death signal does not exist; the
// tests' cleanup functions still stop every node they started.
func setChildAttrs(*exec.Cmd) {}
