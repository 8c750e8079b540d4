package schema

import "fmt"

// refusingLoader is the compiler's URL loader: it never touches the network
// or the filesystem. The library serves the embedded metaschemas and the
// document itself; complexity has already refused every reference that is
// not a local JSON pointer, so only an unknown "$schema" reaches the loader.
type refusingLoader struct{}

// Load implements jsonschema.URLLoader by refusing every URL.
func (refusingLoader) Load(u string) (any, error) {
	return nil, fmt.Errorf("%q cannot be loaded: only the embedded JSON Schema metaschemas (draft-04, -06, -07, 2019-09, 2020-12) can be named", u)
}
