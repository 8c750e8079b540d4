//go:build !linux

package main

import "os/exec"

// setChildAttrs does nothing where the kernel cannot tie a child's life to
// the test process; the test's cleanup stops the node.
func setChildAttrs(*exec.Cmd) {}
