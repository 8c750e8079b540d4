// Package gwenum lets the REST gateway read enum query parameters by name
// (`?type=LEDGER_TYPE_DISBURSEMENT`) as well as by number. The gateway looks
// enum names up in the golang/protobuf registry, where gogoproto-generated
// enums are not registered; without this it accepts numbers only.
package gwenum

import protov1 "github.com/golang/protobuf/proto" //nolint:staticcheck // the registry the gateway reads

// Register makes the values of the enum with the full protobuf name known to
// the gateway. Call it once per enum, from the types package's init.
func Register(fullName string, values map[string]int32) {
	protov1.RegisterEnum(fullName, nil, values)
}
