package schema

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

var (
	// ErrInvalidSchema is wrapped by every Compile error: invalid JSON, a
	// document that is not a valid schema, or a refused external reference.
	ErrInvalidSchema = errors.New("invalid data standard schema")

	// ErrInvalidRecord is wrapped by Validate errors for records that are not
	// a single valid JSON value.
	ErrInvalidRecord = errors.New("invalid record")

	// ErrNonConforming is wrapped by Validate errors for records that are
	// valid JSON but violate the schema.
	ErrNonConforming = errors.New("record does not conform to the data standard")
)

// maxListed is how many violations a message spells out.
const maxListed = 5

// printer renders the library's messages in English from a private, empty
// catalog, so translations registered elsewhere in the binary cannot alter them.
var printer = message.NewPrinter(language.English, message.Catalog(catalog.NewBuilder()))

// renderValidation flattens a ValidationError tree to its leaves, each as
// "at <pointer>: <message>", sorted and deduplicated, so that the result does
// not depend on the (map-iteration) order in which the library found them.
func renderValidation(root *jsonschema.ValidationError, instance any) string {
	var lines []string
	collectLeaves(root, nil, instance, &lines)
	return joinLimited(sortUnique(lines), "; ")
}

// collectLeaves appends the leaves below e; trusted is the instance location of
// the nearest ancestor.
func collectLeaves(e *jsonschema.ValidationError, trusted []string, instance any, out *[]string) {
	if k, ok := e.ErrorKind.(*kind.PropertyNames); ok {
		// The library stores the validator's location slice in propertyNames
		// errors without copying it, and later siblings overwrite its backing
		// array, so only its length is reliable. The causes describe the name
		// (a string), not a place in the record, so they become a suffix.
		loc := propertyNameLocation(instance, trusted, len(e.InstanceLocation), k.Property)
		msg := describe(k)
		var why []string
		for _, c := range e.Causes {
			collectDescriptions(c, &why)
		}
		if len(why) > 0 {
			msg += " (" + strings.Join(sortUnique(why), "; ") + ")"
		}
		*out = append(*out, "at "+pointer(loc)+": "+msg)
		return
	}
	if len(e.Causes) == 0 {
		*out = append(*out, "at "+pointer(e.InstanceLocation)+": "+describe(e.ErrorKind))
		return
	}
	for _, c := range e.Causes {
		collectLeaves(c, e.InstanceLocation, instance, out)
	}
}

func collectDescriptions(e *jsonschema.ValidationError, out *[]string) {
	if len(e.Causes) == 0 {
		*out = append(*out, describe(e.ErrorKind))
		return
	}
	for _, c := range e.Causes {
		collectDescriptions(c, out)
	}
}

func describe(k jsonschema.ErrorKind) string {
	switch k := k.(type) {
	case nil:
		return "validation failed"
	case *kind.AdditionalProperties:
		// Collected while ranging over the record's map: sort them.
		props := slices.Clone(k.Properties)
		sort.Strings(props)
		return (&kind.AdditionalProperties{Properties: props}).LocalizedString(printer)
	// The library prints these via float64 ("got 9.007199254740992×10¹⁵,
	// want 9.007199254740992×10¹⁵"); print the exact values instead.
	case *kind.Minimum:
		return compared("minimum", k.Got, k.Want, k)
	case *kind.Maximum:
		return compared("maximum", k.Got, k.Want, k)
	case *kind.ExclusiveMinimum:
		return compared("exclusiveMinimum", k.Got, k.Want, k)
	case *kind.ExclusiveMaximum:
		return compared("exclusiveMaximum", k.Got, k.Want, k)
	case *kind.MultipleOf:
		return compared("multipleOf", k.Got, k.Want, k)
	default:
		return k.LocalizedString(printer)
	}
}

func compared(keyword string, got, want *big.Rat, k jsonschema.ErrorKind) string {
	g, ok1 := exact(got)
	w, ok2 := exact(want)
	if !ok1 || !ok2 {
		return k.LocalizedString(printer)
	}
	return keyword + ": got " + g + ", want " + w
}

// exact renders r as an exact decimal. Numbers parsed from JSON always have
// one (their denominators only have the factors 2 and 5), and its number of
// fraction digits is at most the bit length of the denominator. Very long
// ones are not rendered.
func exact(r *big.Rat) (string, bool) {
	if r == nil || r.Denom().BitLen() > 4096 || r.Num().BitLen() > 8192 {
		return "", false
	}
	if r.IsInt() {
		return r.Num().String(), true
	}
	s := strings.TrimRight(r.FloatString(r.Denom().BitLen()), "0")
	if back, ok := new(big.Rat).SetString(s); !ok || back.Cmp(r) != 0 {
		return "", false
	}
	return s, true
}

// propertyNameLocation recovers where a propertyNames violation happened: an
// object at depth `depth` below `trusted` that has the key `name`. With several
// such objects it returns their longest common prefix, which, like `trusted`,
// is always a prefix of the true location.
func propertyNameLocation(instance any, trusted []string, depth int, name string) []string {
	node, ok := lookup(instance, trusted)
	if !ok || depth < len(trusted) {
		return trusted
	}
	var found [][]string
	findObjects(node, slices.Clone(trusted), depth, name, &found)
	if len(found) == 0 {
		return trusted
	}
	common := found[0]
	for _, f := range found[1:] {
		n := 0
		for n < len(common) && common[n] == f[n] {
			n++
		}
		common = common[:n]
	}
	return common
}

func findObjects(v any, path []string, depth int, name string, found *[][]string) {
	if len(path) == depth {
		if m, ok := v.(map[string]any); ok {
			if _, ok := m[name]; ok {
				*found = append(*found, slices.Clone(path))
			}
		}
		return
	}
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			findObjects(e, append(path, k), depth, name, found)
		}
	case []any:
		for i, e := range v {
			findObjects(e, append(path, strconv.Itoa(i)), depth, name, found)
		}
	}
}

func lookup(v any, tokens []string) (any, bool) {
	for _, tok := range tokens {
		switch node := v.(type) {
		case map[string]any:
			e, ok := node[tok]
			if !ok {
				return nil, false
			}
			v = e
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(node) {
				return nil, false
			}
			v = node[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// pointer renders an instance location as a JSON pointer ("/" for the root).
func pointer(tokens []string) string {
	if len(tokens) == 0 {
		return "/"
	}
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1"))
	}
	return b.String()
}

// compileMessage renders a library compile error deterministically.
func compileMessage(err error, doc any) string {
	var sve *jsonschema.SchemaValidationError
	var ve *jsonschema.ValidationError
	if errors.As(err, &sve) && errors.As(sve.Err, &ve) {
		where, instance := fmt.Sprintf("subschema %q", sve.URL), any(nil)
		if rest, ok := strings.CutPrefix(sve.URL, documentURL); ok && (rest == "" || rest == "#") {
			where, instance = "schema", doc
		}
		return where + " does not conform to its metaschema: " + renderValidation(ve, instance)
	}
	// The two locations are found in map-iteration order: sort them.
	var dupID *jsonschema.DuplicateIDError
	if errors.As(err, &dupID) {
		p := []string{dupID.Ptr1, dupID.Ptr2}
		sort.Strings(p)
		return fmt.Sprintf("duplicate id %q at %q and %q", dupID.ID, p[0], p[1])
	}
	var dupAnchor *jsonschema.DuplicateAnchorError
	if errors.As(err, &dupAnchor) {
		p := []string{dupAnchor.Ptr1, dupAnchor.Ptr2}
		sort.Strings(p)
		return fmt.Sprintf("duplicate anchor %q at %q and %q", dupAnchor.Anchor, p[0], p[1])
	}
	return err.Error()
}

func sortUnique(s []string) []string {
	sort.Strings(s)
	return slices.Compact(s)
}

// joinLimited joins the first maxListed items and counts the rest.
func joinLimited(items []string, sep string) string {
	if len(items) <= maxListed {
		return strings.Join(items, sep)
	}
	return fmt.Sprintf("%s (and %d more)", strings.Join(items[:maxListed], sep), len(items)-maxListed)
}
