package types

import (
	"bytes"

	"github.com/cosmos/gogoproto/jsonpb"

	"github.com/cosmos/cosmos-sdk/codec"
)

// MaxPacketBytes bounds the data of a judicial packet before it is parsed;
// a packet within the params is far smaller.
const MaxPacketBytes = 256 * 1024

// GetBytes returns the packet data as sent: its proto3 JSON.
func (d DepositPacketData) GetBytes() ([]byte, error) {
	return codec.ProtoMarshalJSON(&d, nil)
}

// ParseDepositPacket decodes packet data; unknown fields are refused.
func ParseDepositPacket(bz []byte) (DepositPacketData, error) {
	var d DepositPacketData
	if len(bz) == 0 || len(bz) > MaxPacketBytes {
		return d, ErrInvalidPacket.Wrapf("packet data of %d bytes (1 to %d)", len(bz), MaxPacketBytes)
	}
	if err := (&jsonpb.Unmarshaler{}).Unmarshal(bytes.NewReader(bz), &d); err != nil {
		return d, ErrInvalidPacket.Wrapf("not %s packet data: %s", Version, err)
	}
	return d, nil
}

// Validate checks the packet's deposit against this chain's params, as a
// deposit made here would be; the depositor and department are the sending
// chain's and are only bounded.
func (d DepositPacketData) Validate(p Params) error {
	if err := ValidateDigest("digest", d.Digest, d.Algorithm, p); err != nil {
		return err
	}
	if err := ValidateCategory(d.Category); err != nil {
		return err
	}
	if err := ValidateParties(d.Parties, p); err != nil {
		return err
	}
	if err := ValidateText("metadata", d.Metadata, p.MaxMetadataBytes, false); err != nil {
		return err
	}
	if err := ValidateText("depositor", d.Depositor, p.MaxTextLength, true); err != nil {
		return err
	}
	if err := ValidateText("department_id", d.DepartmentId, p.MaxTextLength, true); err != nil {
		return err
	}
	if d.SourceRecordId == 0 {
		return ErrInvalidPacket.Wrap("source_record_id is 0")
	}
	if d.DepositedAt.Unix() <= 0 {
		return ErrInvalidPacket.Wrap("deposited_at is missing")
	}
	return nil
}

// GetBytes returns the acknowledgement result: its proto3 JSON.
func (a DepositAcknowledgement) GetBytes() ([]byte, error) {
	return codec.ProtoMarshalJSON(&a, nil)
}

// ParseDepositAcknowledgement decodes the result of a successful
// acknowledgement.
func ParseDepositAcknowledgement(bz []byte) (DepositAcknowledgement, error) {
	var a DepositAcknowledgement
	if err := (&jsonpb.Unmarshaler{}).Unmarshal(bytes.NewReader(bz), &a); err != nil {
		return a, ErrInvalidPacket.Wrapf("not a %s acknowledgement: %s", Version, err)
	}
	if a.RecordId == 0 {
		return a, ErrInvalidPacket.Wrap("acknowledgement names record 0")
	}
	return a, nil
}
