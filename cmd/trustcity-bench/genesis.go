package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	"cosmossdk.io/log/v2"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/trustcity/trustcity/testutil/apptest"
	"github.com/trustcity/trustcity/testutil/scenario"
)

// addGenesis gives the chain of a row that declares Genesis the state it
// needs: each module's genesis state is imported with the module's
// InitGenesis, as InitChain would have, before any transaction of the row
// is signed or executed.
//
// The state is imported right after the genesis block, not in InitChain:
// testutil/apptest builds the genesis and takes no additions. The result is
// the same as long as the module still holds its default genesis state
// (nothing in the genesis block writes to it), which is checked, so the
// import cannot double-count state a module already has. It is written in
// one branch and committed with the first warm-up block, whose figures are
// not reported.
func addGenesis(f *apptest.App, s scenario.Scenario, env scenario.Env) (err error) {
	if s.Genesis == nil {
		return nil
	}
	states := s.Genesis(env)
	defer func() {
		if p := recover(); p != nil { // InitGenesis panics on invalid state
			err = fmt.Errorf("importing the genesis of %s: %v", s.Name, p)
		}
	}()
	cms := f.CommitMultiStore().CacheMultiStore()
	height := f.LastBlockHeight()
	ctx := sdk.NewContext(cms, cmtproto.Header{ChainID: f.ChainID(), Height: height, Time: apptest.BlockTime(height)}, false, log.NewNopLogger())
	cdc := f.AppCodec()
	defaults := f.DefaultGenesis()
	for _, name := range slices.Sorted(maps.Keys(states)) {
		mod, ok := f.ModuleManager.Modules[name].(module.HasGenesis)
		if !ok {
			return fmt.Errorf("%s: module %q has no genesis to import into", s.Name, name)
		}
		bz, err := cdc.MarshalJSON(states[name])
		if err != nil {
			return fmt.Errorf("%s: genesis of %q: %w", s.Name, name, err)
		}
		// A row may name a module's default genesis (the judicial rows do):
		// the chain's genesis gave the module that state already.
		if isDefault, err := sameJSON(bz, defaults[name]); err != nil {
			return err
		} else if isDefault {
			continue
		}
		same, err := sameJSON(mod.ExportGenesis(ctx, cdc), defaults[name])
		if err != nil {
			return err
		}
		if !same {
			return fmt.Errorf("%s: module %q no longer holds its default genesis state, so its genesis cannot be added after the genesis block", s.Name, name)
		}
		mod.InitGenesis(ctx, cdc, bz)
	}
	cms.Write()
	return nil
}

// sameJSON reports whether two JSON documents hold the same values.
func sameJSON(a, b json.RawMessage) (bool, error) {
	var va, vb any
	if err := json.Unmarshal(a, &va); err != nil {
		return false, err
	}
	if err := json.Unmarshal(b, &vb); err != nil {
		return false, err
	}
	return reflect.DeepEqual(va, vb), nil
}
