package e2e

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// denom is the chain's bond and fee denomination.
const denom = "utcity"

// restBalances is the REST answer of /cosmos/bank/v1beta1/balances/{address}.
type restBalances struct {
	Balances []struct {
		Denom  string `json:"denom"`
		Amount string `json:"amount"`
	} `json:"balances"`
}

// restBalance reads addr's balance of denom over the node's REST API; an
// absent denom is a zero balance.
func (n *node) restBalance(addr string) (int64, error) {
	var res restBalances
	if err := getJSON(n.apiURL()+"/cosmos/bank/v1beta1/balances/"+addr, &res); err != nil {
		return 0, err
	}
	for _, c := range res.Balances {
		if c.Denom == denom {
			v, err := strconv.ParseInt(c.Amount, 10, 64)
			if err != nil {
				return 0, fmt.Errorf("amount %q: %w", c.Amount, err)
			}
			return v, nil
		}
	}
	return 0, nil
}

// waitRESTBalance waits until the node's REST API reports want for addr. It
// retries because the API may still be starting or one block behind.
func (n *node) waitRESTBalance(t testing.TB, addr string, want int64, timeout time.Duration) {
	t.Helper()
	eventually(t, timeout, fmt.Sprintf("REST balance of %s on %s = %d%s", addr, n.name, want, denom), func() (bool, string) {
		n.failIfExited(t)
		got, err := n.restBalance(addr)
		if err != nil {
			return false, err.Error()
		}
		return got == want, fmt.Sprintf("balance %d%s", got, denom)
	})
}

// grpcBalance reads addr's balance of denom through the node's gRPC server
// with the SDK's generated bank query client.
func (n *node) grpcBalance(t testing.TB, addr string) int64 {
	t.Helper()
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	conn, err := grpc.NewClient(n.addrs.grpc,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.ForceCodec(cdc.GRPCCodec())),
	)
	if err != nil {
		t.Fatalf("dialing gRPC %s: %v", n.addrs.grpc, err)
	}
	defer conn.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	res, err := banktypes.NewQueryClient(conn).Balance(ctx, &banktypes.QueryBalanceRequest{Address: addr, Denom: denom})
	if err != nil {
		t.Fatalf("gRPC Balance(%s, %s) on %s: %v", addr, denom, n.addrs.grpc, err)
	}
	if res.Balance == nil {
		t.Fatalf("gRPC Balance(%s, %s): no balance in response", addr, denom)
	}
	if res.Balance.Denom != denom {
		t.Fatalf("gRPC Balance: denom %q, want %q", res.Balance.Denom, denom)
	}
	return res.Balance.Amount.Int64()
}

// restLatestHeight reads the latest block height over REST
// (/cosmos/base/tendermint/v1beta1/blocks/latest).
func (n *node) restLatestHeight() (int64, error) {
	var res struct {
		Block struct {
			Header struct {
				Height jsonInt `json:"height"`
			} `json:"header"`
		} `json:"block"`
		SdkBlock struct {
			Header struct {
				Height jsonInt `json:"height"`
			} `json:"header"`
		} `json:"sdk_block"`
	}
	if err := getJSON(n.apiURL()+"/cosmos/base/tendermint/v1beta1/blocks/latest", &res); err != nil {
		return 0, err
	}
	if h := int64(res.SdkBlock.Header.Height); h > 0 {
		return h, nil
	}
	return int64(res.Block.Header.Height), nil
}
