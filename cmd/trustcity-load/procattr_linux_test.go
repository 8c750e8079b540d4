package main

import (
	"os/exec"
	"syscall"
)

// setChildAttrs makes the kernel kill the node when the test process dies,
// so a test killed by -timeout leaves no node holding ports.
func setChildAttrs(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
