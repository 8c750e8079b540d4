package e2e

import (
	"os/exec"
	"syscall"
)

// setChildAttrs makes the kernel kill a child when the test process dies, so
// a test binary killed by -timeout leaves no node holding ports behind.
func setChildAttrs(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
