// Package schema compiles TrustCity data standards (JSON Schema documents) and
// validates records published against them.
//
// It runs inside the state machine, so it is hermetic and deterministic: no
// network or filesystem access (only the document itself and the JSON Schema
// metaschemas embedded in the library can be referenced), numbers are kept
// exact, and error messages are byte-identical for identical input.
package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

const (
	// documentURL is the base URI every document is compiled under. It is
	// hierarchical (so a relative "$ref" resolves to a different, refused URL)
	// and no loader can fetch it.
	documentURL = "trustcity://standard/schema.json"

	// maxDepth bounds the nesting of documents and records: the library's
	// cost grows faster than linearly with depth (a 400-level schema takes
	// ~150ms to compile, 10000 levels many minutes).
	maxDepth = 64

	// maxExponent bounds the decimal exponent of any JSON number. Beyond
	// ±1e6 math/big refuses the number (the library then panics or silently
	// drops the keyword), and large exponents make exact arithmetic slow.
	maxExponent = 1000
)

// Schema is a compiled data standard.
type Schema struct {
	sch        *jsonschema.Schema
	complexity int
}

// Complexity is the document's size with every reference expanded (see
// complexity): the work of validating a record is bounded by Complexity
// times the record's size, so callers limit it and charge for it.
func (s *Schema) Complexity() int { return s.complexity }

// Compile parses and compiles a JSON Schema document.
//
// The default dialect is draft 2020-12; "$schema" may name draft-04, -06, -07,
// 2019-09 or 2020-12, whose metaschemas are embedded. Nothing is loaded from
// the network or the filesystem: a reference to anything but the document
// itself or an embedded metaschema is an error, and so is any other "$schema".
// "format" is asserted; contentEncoding/contentMediaType are not. Documents
// nested deeper than 64 levels or holding a number with a decimal exponent
// beyond ±1000 are refused. Every error wraps ErrInvalidSchema.
func Compile(doc []byte) (s *Schema, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("%w: schema compiler failed: %v", ErrInvalidSchema, r)
		}
	}()
	v, err := parseJSON(doc)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidSchema, err)
	}
	n, err := complexity(v)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidSchema, err)
	}
	sch, err := compileDoc(v)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrInvalidSchema, compileMessage(err, v))
	}
	return &Schema{sch: sch, complexity: n}, nil
}

func compileDoc(doc any) (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.UseLoader(refusingLoader{})
	if err := c.AddResource(documentURL, doc); err != nil {
		return nil, err
	}
	return c.Compile(documentURL)
}

// Validate checks one JSON record against the schema; nil when it conforms.
//
// A record that is not a single valid JSON value (or exceeds the nesting and
// exponent limits of Compile) yields an error wrapping ErrInvalidRecord; a
// valid record violating the schema yields an error wrapping ErrNonConforming,
// listing up to five violations as "at <JSON pointer>: <message>", sorted.
// Validate is safe for concurrent use.
func (s *Schema) Validate(record []byte) (err error) {
	if s == nil || s.sch == nil {
		return errors.New("schema: Validate called on a nil or uncompiled Schema")
	}
	v, err := parseJSON(record)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidRecord, err)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: record could not be validated: %v", ErrInvalidRecord, r)
		}
	}()
	verr := s.sch.Validate(v)
	if verr == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if errors.As(verr, &ve) {
		return fmt.Errorf("%w: %s", ErrNonConforming, renderValidation(ve, v))
	}
	return fmt.Errorf("%w: %v", ErrNonConforming, verr)
}

// parseJSON decodes exactly one JSON value with the library's decoder
// (numbers stay json.Number) and rejects trailing data and huge exponents.
func parseJSON(b []byte) (any, error) {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("invalid JSON: empty document")
		}
		return nil, fmt.Errorf("invalid JSON: %v", err)
	}
	var lim limits
	lim.check(v, 0)
	switch {
	case lim.tooDeep:
		return nil, fmt.Errorf("JSON nested deeper than %d levels is not supported", maxDepth)
	case lim.hugeExponent:
		return nil, fmt.Errorf("numbers with a decimal exponent beyond ±%d are not supported", maxExponent)
	}
	return v, nil
}

// limits records which limits a decoded value exceeds. Both flags are computed
// over the whole value so that the message does not depend on map order.
type limits struct{ tooDeep, hugeExponent bool }

func (l *limits) check(v any, depth int) {
	switch v := v.(type) {
	case map[string]any:
		if depth++; depth > maxDepth {
			l.tooDeep = true
			return
		}
		for _, e := range v {
			l.check(e, depth)
		}
	case []any:
		if depth++; depth > maxDepth {
			l.tooDeep = true
			return
		}
		for _, e := range v {
			l.check(e, depth)
		}
	case json.Number:
		if i := strings.IndexAny(string(v), "eE"); i >= 0 {
			exp, err := strconv.ParseInt(string(v[i+1:]), 10, 32)
			if err != nil || exp < -maxExponent || exp > maxExponent {
				l.hugeExponent = true
			}
		}
	}
}
