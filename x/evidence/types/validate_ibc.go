package types

import (
	host "github.com/cosmos/ibc-go/v11/modules/core/24-host"
)

// Validate checks a cross-chain deposit's origin as genesis import does.
func (o CrossChainOrigin) Validate(caps Params) error {
	if err := ValidateChainID(o.ChainId); err != nil {
		return err
	}
	if err := host.PortIdentifierValidator(o.PortId); err != nil {
		return ErrInvalidGenesis.Wrapf("origin port: %s", err)
	}
	if err := host.ChannelIdentifierValidator(o.ChannelId); err != nil {
		return ErrInvalidGenesis.Wrapf("origin channel: %s", err)
	}
	if err := host.ChannelIdentifierValidator(o.DestinationChannelId); err != nil {
		return ErrInvalidGenesis.Wrapf("origin destination channel: %s", err)
	}
	if err := ValidateText("origin depositor", o.Depositor, caps.MaxTextLength, true); err != nil {
		return err
	}
	if err := ValidateText("origin department_id", o.DepartmentId, caps.MaxTextLength, true); err != nil {
		return err
	}
	switch {
	case o.Sequence == 0:
		return ErrInvalidGenesis.Wrap("origin sequence is 0")
	case o.SourceRecordId == 0:
		return ErrInvalidGenesis.Wrap("origin source_record_id is 0")
	case o.DepositedAt.Unix() <= 0:
		return ErrInvalidGenesis.Wrap("origin deposited_at is missing")
	}
	return nil
}

// Validate checks a forward as genesis import does (the forwarder's address
// is the keeper's to check): the fields its status sets are set, the others
// empty.
func (f Forward) Validate() error {
	if err := host.ChannelIdentifierValidator(f.ChannelId); err != nil {
		return ErrInvalidGenesis.Wrapf("forward channel: %s", err)
	}
	if err := ValidateChainID(f.ChainId); err != nil {
		return err
	}
	switch {
	case f.Sequence == 0:
		return ErrInvalidGenesis.Wrap("forward sequence is 0")
	case f.DepartmentId == "":
		return ErrInvalidGenesis.Wrap("forward has no department")
	}
	resolved := f.ResolvedHeight > 0 && f.ResolvedTime != nil
	acknowledged := f.RemoteRecordId > 0 && f.RemoteTime != nil
	switch f.Status {
	case ForwardStatus_FORWARD_STATUS_IN_FLIGHT:
		if resolved || acknowledged || f.Error != "" {
			return ErrInvalidGenesis.Wrap("a forward in flight has an outcome")
		}
	case ForwardStatus_FORWARD_STATUS_ACKNOWLEDGED:
		if !resolved || !acknowledged || f.Error != "" {
			return ErrInvalidGenesis.Wrap("an acknowledged forward needs its remote record, remote time and resolution, and no error")
		}
	case ForwardStatus_FORWARD_STATUS_REFUSED:
		if !resolved || f.Error == "" || f.RemoteRecordId != 0 {
			return ErrInvalidGenesis.Wrap("a refused forward needs its error and resolution, and no remote record")
		}
	case ForwardStatus_FORWARD_STATUS_TIMED_OUT:
		if !resolved || f.Error != "" || f.RemoteRecordId != 0 {
			return ErrInvalidGenesis.Wrap("a timed-out forward needs its resolution, and no remote record or error")
		}
	default:
		return ErrInvalidGenesis.Wrapf("forward status %d", f.Status)
	}
	return nil
}
