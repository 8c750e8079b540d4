package main

import (
	"fmt"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/trustcity/trustcity/testutil/scenario"
)

// checkSameState marks a Block-STM row failed when it ended in another state
// than the same blocks executed sequentially: both rows start from the same
// genesis and execute the same signed transactions at the same heights and
// times, so their app hashes must be equal. A fast but wrong executor must
// not show up as a speed-up.
func checkSameState(rows []rowResult) {
	var want string
	for _, r := range rows {
		if r.Scenario == scenario.BaselineName && r.Error == "" {
			want = r.AppHash
		}
	}
	for i, r := range rows {
		if r.Executor != serverconfig.BlockExecutorBlockSTM || r.Error != "" || want == "" {
			continue
		}
		if r.AppHash != want {
			rows[i].Error = fmt.Sprintf("app hash %s differs from sequential execution's %s", r.AppHash, want)
		}
	}
}
