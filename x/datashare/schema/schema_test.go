package schema

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

const weatherSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Weather observation",
  "type": "object",
  "required": ["station_id", "observed_at", "temperature_c"],
  "additionalProperties": false,
  "properties": {
    "station_id":    {"type": "string", "pattern": "^[A-Z]{2}-[0-9]{4}$"},
    "observed_at":   {"type": "string", "format": "date-time"},
    "temperature_c": {"type": "number", "minimum": -90, "maximum": 60},
    "humidity_pct":  {"type": "integer", "minimum": 0, "maximum": 100},
    "wind": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "speed_ms":      {"type": "number", "minimum": 0},
        "direction_deg": {"type": "integer", "minimum": 0, "maximum": 359}
      }
    }
  }
}`

func mustCompile(t testing.TB, doc string) *Schema {
	t.Helper()
	s, err := Compile([]byte(doc))
	if err != nil {
		t.Fatalf("Compile(%s): %v", doc, err)
	}
	return s
}

// checkErr asserts that err wraps want (nil: no error) and, if msg is set,
// that its message is exactly msg.
func checkErr(t *testing.T, err, want error, msg string) {
	t.Helper()
	switch {
	case want == nil && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want == nil:
		return
	case err == nil:
		t.Fatalf("got nil, want an error wrapping %q", want)
	case !errors.Is(err, want):
		t.Fatalf("error %q does not wrap %q", err, want)
	case msg != "" && err.Error() != msg:
		t.Fatalf("message mismatch\n got: %s\nwant: %s", err, msg)
	}
	for _, other := range []error{ErrInvalidSchema, ErrInvalidRecord, ErrNonConforming} {
		if other != want && errors.Is(err, other) {
			t.Fatalf("error %q also wraps %q", err, other)
		}
	}
}

const nc = "record does not conform to the data standard: "

func TestWeatherObservation(t *testing.T) {
	s := mustCompile(t, weatherSchema)
	tests := []struct {
		name   string
		record string
		want   error
		msg    string
	}{
		{"full", `{"station_id":"NL-0042","observed_at":"2024-05-01T12:30:00Z","temperature_c":17.5,"humidity_pct":80,"wind":{"speed_ms":3.2,"direction_deg":270}}`, nil, ""},
		{"minimal", `{"station_id":"NL-0042","observed_at":"2024-05-01T12:30:00+02:00","temperature_c":-3}`, nil, ""},
		{"edge of range", `{"station_id":"NL-0042","observed_at":"2024-05-01T12:30:00Z","temperature_c":60}`, nil, ""},
		{"bad station id", `{"station_id":"nl-42","observed_at":"2024-05-01T12:30:00Z","temperature_c":17.5}`, ErrNonConforming,
			nc + "at /station_id: 'nl-42' does not match pattern '^[A-Z]{2}-[0-9]{4}$'"},
		{"bad timestamp", `{"station_id":"NL-0042","observed_at":"2024-13-01T12:30:00Z","temperature_c":17.5}`, ErrNonConforming,
			nc + "at /observed_at: '2024-13-01T12:30:00Z' is not valid date-time: invalid date element: parsing time \"2024-13-01\": month out of range"},
		{"date instead of date-time", `{"station_id":"NL-0042","observed_at":"2024-05-01","temperature_c":17.5}`, ErrNonConforming, ""},
		{"too hot", `{"station_id":"NL-0042","observed_at":"2024-05-01T12:30:00Z","temperature_c":60.01}`, ErrNonConforming,
			nc + "at /temperature_c: maximum: got 60.01, want 60"},
		{"too cold", `{"station_id":"NL-0042","observed_at":"2024-05-01T12:30:00Z","temperature_c":-90.5}`, ErrNonConforming,
			nc + "at /temperature_c: minimum: got -90.5, want -90"},
		{"temperature as string", `{"station_id":"NL-0042","observed_at":"2024-05-01T12:30:00Z","temperature_c":"17.5"}`, ErrNonConforming,
			nc + "at /temperature_c: got string, want number"},
		{"humidity not integer", `{"station_id":"NL-0042","observed_at":"2024-05-01T12:30:00Z","temperature_c":1,"humidity_pct":50.5}`, ErrNonConforming,
			nc + "at /humidity_pct: got number, want integer"},
		{"missing fields", `{"station_id":"NL-0042"}`, ErrNonConforming,
			nc + "at /: missing properties 'observed_at', 'temperature_c'"},
		{"unknown field", `{"station_id":"NL-0042","observed_at":"2024-05-01T12:30:00Z","temperature_c":1,"rain_mm":0}`, ErrNonConforming,
			nc + "at /: additional properties 'rain_mm' not allowed"},
		{"nested violation", `{"station_id":"NL-0042","observed_at":"2024-05-01T12:30:00Z","temperature_c":1,"wind":{"direction_deg":360,"gust":true}}`, ErrNonConforming,
			nc + "at /wind/direction_deg: maximum: got 360, want 359; at /wind: additional properties 'gust' not allowed"},
		{"not an object", `[1,2]`, ErrNonConforming, nc + "at /: got array, want object"},
		{"invalid JSON", `{"station_id":`, ErrInvalidRecord, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkErr(t, s.Validate([]byte(tc.record)), tc.want, tc.msg)
		})
	}
}

func TestDialects(t *testing.T) {
	// A "$ref" with a sibling keyword and a 2020-12-only keyword tell the
	// drafts apart: before 2019-09 siblings of "$ref" are ignored, and
	// "prefixItems" means nothing before 2020-12.
	body := `"$defs":{"n":{"type":"number"}},"definitions":{"n":{"type":"number"}},
	         "properties":{"a":{"$ref":"#/definitions/n","maximum":5},"b":{"prefixItems":[{"type":"string"}]}}`
	tests := []struct {
		name      string
		schemaURL string // "" → no "$schema"
		bigA      error  // {"a":10}
		numberInB error  // {"b":[1]}
	}{
		{"default is 2020-12", "", ErrNonConforming, ErrNonConforming},
		{"2020-12", "https://json-schema.org/draft/2020-12/schema", ErrNonConforming, ErrNonConforming},
		{"2019-09", "https://json-schema.org/draft/2019-09/schema", ErrNonConforming, nil},
		{"draft-07", "http://json-schema.org/draft-07/schema#", nil, nil},
		{"draft-06", "http://json-schema.org/draft-06/schema#", nil, nil},
		{"draft-04", "http://json-schema.org/draft-04/schema#", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := "{" + body + "}"
			if tc.schemaURL != "" {
				doc = fmt.Sprintf(`{"$schema":%q,%s}`, tc.schemaURL, body)
			}
			s := mustCompile(t, doc)
			checkErr(t, s.Validate([]byte(`{"a":10}`)), tc.bigA, "")
			checkErr(t, s.Validate([]byte(`{"b":[1]}`)), tc.numberInB, "")
			checkErr(t, s.Validate([]byte(`{"a":"x"}`)), ErrNonConforming, nc+"at /a: got string, want number")
		})
	}
}

func TestDraft07(t *testing.T) {
	s := mustCompile(t, `{
	  "$schema": "http://json-schema.org/draft-07/schema#",
	  "definitions": {"day": {"type": "string", "format": "date"}},
	  "type": "object",
	  "required": ["days"],
	  "properties": {
	    "days": {"type": "array", "items": {"$ref": "#/definitions/day"}, "minItems": 1},
	    "pair": {"type": "array", "items": [{"type": "string"}, {"type": "integer"}], "additionalItems": false}
	  }
	}`)
	tests := []struct {
		name, record string
		want         error
		msg          string
	}{
		{"conforms", `{"days":["2024-02-29"],"pair":["x",1]}`, nil, ""},
		{"bad date", `{"days":["2024-02-29","2023-02-29"]}`, ErrNonConforming,
			nc + `at /days/1: '2023-02-29' is not valid date: parsing time "2023-02-29": day out of range`},
		{"empty", `{"days":[]}`, ErrNonConforming, nc + "at /days: minItems: got 0, want 1"},
		{"tuple", `{"days":["2024-01-01"],"pair":["x","y",3]}`, ErrNonConforming,
			nc + "at /pair/1: got string, want integer; at /pair: last 1 additionalItem(s) not allowed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkErr(t, s.Validate([]byte(tc.record)), tc.want, tc.msg)
		})
	}
}

func TestReferences(t *testing.T) {
	// A readable schema file on disk: a filesystem loader would succeed.
	file := filepath.Join(t.TempDir(), "s.json")
	if err := os.WriteFile(file, []byte(`{"type":"string"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	const is = "invalid data standard schema: "
	local := func(ref string) string {
		return is + `reference "` + ref + `" is not a local JSON pointer ("#" or "#/...")`
	}
	tests := []struct {
		name, doc string
		msg       string // "" → compiles
	}{
		{"internal $defs", `{"$ref":"#/$defs/x","$defs":{"x":{"type":"integer"}}}`, ""},
		{"escaped pointer", `{"$ref":"#/$defs/a~1b%25","$defs":{"a/b%":{"type":"integer"}}}`, ""},
		{"draft-07 definitions", `{"$schema":"http://json-schema.org/draft-07/schema#","$ref":"#/definitions/x","definitions":{"x":{"type":"integer"}}}`, ""},
		{"$ref inside a value keyword is data", `{"const":{"$ref":"https://example.com"},"enum":[{"$ref":1}]}`, ""},
		{"anchor", `{"$ref":"#x","$defs":{"x":{"$anchor":"x","type":"integer"}}}`, is + `"$anchor" at "#/$defs/x" is not supported (references must be local JSON pointers)`},
		{"anchor reference", `{"$ref":"#x"}`, local("#x")},
		{"nested $id", `{"$defs":{"x":{"$id":"x.json","type":"integer"}}}`, is + `"$id" at "#/$defs/x" is not supported: only the root may have one`},
		{"metaschema", `{"properties":{"s":{"$ref":"https://json-schema.org/draft/2020-12/schema"}}}`, local("https://json-schema.org/draft/2020-12/schema")},
		{"https", `{"$ref":"https://example.com/s.json"}`, local("https://example.com/s.json")},
		{"file", `{"$ref":"file:///etc/passwd"}`, local("file:///etc/passwd")},
		{"existing file", `{"$ref":"file://` + filepath.ToSlash(file) + `"}`, local("file://" + filepath.ToSlash(file))},
		{"relative", `{"$ref":"other.json"}`, local("other.json")},
		{"relative to $id", `{"$id":"https://example.com/a/root.json","$ref":"other.json#/$defs/x"}`, local("other.json#/$defs/x")},
		{"first in key order", `{"properties":{"a":{"$ref":"z.json#/$defs/a"},"b":{"$ref":"https://b.example/b.json#b"}}}`, local("z.json#/$defs/a")},
		{"dynamic reference", `{"$dynamicRef":"#meta"}`, is + `"$dynamicRef" at "#" is not supported (references must be local JSON pointers)`},
		{"ref not a string", `{"properties":{"p":{"$ref":5}}}`, is + `"$ref" at "#/properties/p" must be a string`},
		{"recursion", `{"$defs":{"node":{"properties":{"next":{"$ref":"#/$defs/node"}}}},"$ref":"#/$defs/node"}`,
			is + `recursive reference through "#/$defs/node": recursion is not supported`},
		{"exponential expansion", doubling(20), is + "expanded size exceeds 65536"},
		{"unknown $schema", `{"$schema":"https://example.com/my-meta","type":"object"}`, "refused"},
		{"missing location", `{"properties":{"a":{"$ref":"#/$defs/a"},"b":{"$ref":"#/$defs/b/c"}}}`, is + `reference "#/$defs/a": no such location`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Compile([]byte(tc.doc))
			if tc.msg == "" {
				if err != nil || s == nil {
					t.Fatalf("Compile: %v", err)
				}
				return
			}
			if tc.name == "unknown $schema" {
				require := strings.Contains(fmt.Sprint(err), `"https://example.com/my-meta" cannot be loaded`)
				if !errors.Is(err, ErrInvalidSchema) || !require {
					t.Fatalf("unknown $schema: %v", err)
				}
				return
			}
			checkErr(t, err, ErrInvalidSchema, tc.msg)
			if s != nil {
				t.Fatal("got a Schema along with the error")
			}
		})
	}
	t.Run("ref works", func(t *testing.T) {
		s := mustCompile(t, `{"type":"object","properties":{"n":{"$ref":"#/$defs/pos"}},"$defs":{"pos":{"type":"integer","exclusiveMinimum":0}}}`)
		checkErr(t, s.Validate([]byte(`{"n":3}`)), nil, "")
		checkErr(t, s.Validate([]byte(`{"n":0}`)), ErrNonConforming, nc+"at /n: exclusiveMinimum: got 0, want 0")
	})
}

func TestInvalidInput(t *testing.T) {
	const is = "invalid data standard schema: "
	schemas := []struct{ name, doc, msg string }{
		{"empty", ``, is + "invalid JSON: empty document"},
		{"truncated", `{"type":`, is + "invalid JSON: unexpected EOF"},
		{"syntax", `{"type" "string"}`, is + "invalid JSON: invalid character '\"' after object key"},
		{"trailing value", `{"type":"string"} {}`, is + "invalid JSON: invalid character after top-level value"},
		{"trailing garbage", `{"type":"string"}x`, is + "invalid JSON: invalid character after top-level value"},
		{"array", `[]`, is + "schema does not conform to its metaschema: at /: got array, want boolean or object"},
		{"wrong keyword types", `{"type":5,"minimum":"0"}`, is + "schema does not conform to its metaschema: " +
			"at /minimum: got string, want number; at /type: got number, want array; " +
			"at /type: value must be one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string'"},
		{"bad regex", `{"pattern":"(?=lookahead)"}`, is + "schema does not conform to its metaschema: " +
			"at /pattern: '(?=lookahead)' is not valid regex: error parsing regexp: invalid or unsupported Perl syntax: `(?=`"},
		{"huge exponent", `{"maximum":1e1001}`, is + "numbers with a decimal exponent beyond ±1000 are not supported"},
		{"too deep", strings.Repeat(`{"not":`, 64) + "{}" + strings.Repeat("}", 64), is + "JSON nested deeper than 64 levels is not supported"},
	}
	for _, tc := range schemas {
		t.Run("schema "+tc.name, func(t *testing.T) {
			_, err := Compile([]byte(tc.doc))
			checkErr(t, err, ErrInvalidSchema, tc.msg)
		})
	}
	for _, doc := range []string{`true`, `{}`, " {\"type\":\"string\"}\n\t ", strings.Repeat(`{"not":`, 63) + "{}" + strings.Repeat("}", 63)} {
		mustCompile(t, doc)
	}

	s := mustCompile(t, `{}`)
	const ir = "invalid record: "
	records := []struct{ name, record, msg string }{
		{"empty", ``, ir + "invalid JSON: empty document"},
		{"truncated", `{"a":[1,2`, ir + "invalid JSON: unexpected EOF"},
		{"trailing value", `{"a":1}{"a":2}`, ir + "invalid JSON: invalid character after top-level value"},
		{"two numbers", `1 2`, ir + "invalid JSON: invalid character after top-level value"},
		{"NaN", `NaN`, ir + "invalid JSON: invalid character 'N' looking for beginning of value"},
		{"huge exponent", `[1E-1001]`, ir + "numbers with a decimal exponent beyond ±1000 are not supported"},
		{"too deep", strings.Repeat("[", 65) + strings.Repeat("]", 65), ir + "JSON nested deeper than 64 levels is not supported"},
	}
	for _, tc := range records {
		t.Run("record "+tc.name, func(t *testing.T) {
			checkErr(t, s.Validate([]byte(tc.record)), ErrInvalidRecord, tc.msg)
		})
	}
	checkErr(t, s.Validate([]byte(" [1e1000] \n")), nil, "")

	var nilSchema *Schema
	if err := nilSchema.Validate([]byte(`{}`)); err == nil {
		t.Fatal("nil Schema validated a record")
	}
}

func TestExactNumbers(t *testing.T) {
	tests := []struct {
		name, schema, record string
		want                 error
		msg                  string
	}{
		{"multipleOf 0.1, 0.3", `{"multipleOf":0.1}`, `0.3`, nil, ""},
		{"multipleOf 0.1, 0.35", `{"multipleOf":0.1}`, `0.35`, ErrNonConforming, nc + "at /: multipleOf: got 0.35, want 0.1"},
		{"multipleOf 0.01, 19.99", `{"multipleOf":0.01}`, `19.99`, nil, ""},
		// float64 would round 2^53+1 down to 2^53 and accept it.
		{"maximum 2^53, 2^53+1", `{"maximum":9007199254740992}`, `9007199254740993`, ErrNonConforming,
			nc + "at /: maximum: got 9007199254740993, want 9007199254740992"},
		{"maximum 2^53, 2^53", `{"maximum":9007199254740992}`, `9007199254740992`, nil, ""},
		{"const big integer", `{"const":123456789012345678901234567890}`, `123456789012345678901234567890`, nil, ""},
		{"const big integer off by one", `{"const":123456789012345678901234567890}`, `123456789012345678901234567891`, ErrNonConforming,
			nc + "at /: value must be 123456789012345678901234567890"},
		{"enum decimal", `{"enum":[0.1]}`, `0.10000000000000000001`, ErrNonConforming, ""},
		{"integer written with exponent", `{"type":"integer"}`, `1.5e3`, nil, ""},
		{"tiny fraction is not integer", `{"type":"integer"}`, `1.0000000000000000000001`, ErrNonConforming, ""},
		{"exclusiveMinimum", `{"exclusiveMinimum":0.1}`, `0.1000000000000000000001`, nil, ""},
		{"exclusiveMaximum", `{"exclusiveMaximum":-2.5E-3}`, `-0.0025`, ErrNonConforming,
			nc + "at /: exclusiveMaximum: got -0.0025, want -0.0025"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkErr(t, mustCompile(t, tc.schema).Validate([]byte(tc.record)), tc.want, tc.msg)
		})
	}
}

func TestMessagesDeterministic(t *testing.T) {
	s := mustCompile(t, `{
	  "type": "object",
	  "properties": {
	    "a": {"type": "string"}, "b": {"maximum": 1}, "c": {"minLength": 3}, "d": {"enum": ["x", "y"]},
	    "e": {"type": "integer"}, "f": {"const": true}, "g": {"format": "date"}, "h": {"maxItems": 1},
	    "nested": {"properties": {"n": {"propertyNames": {"maxLength": 1}}, "m": {}, "o": {}, "p": {}}},
	    "closed": {"additionalProperties": false}
	  }
	}`)
	tests := []struct{ name, record, msg string }{
		{"8 violations", `{"a":1,"b":2,"c":"x","d":"z","e":1.5,"f":false,"g":"2024-02-30","h":[1,2],"ok":1}`,
			nc + "at /a: got number, want string; at /b: maximum: got 2, want 1; at /c: minLength: got 1, want 3; " +
				"at /d: value must be one of 'x', 'y'; at /e: got number, want integer (and 3 more)"},
		{"additional properties sorted", `{"closed":{"z":1,"y":2,"x":3,"w":4,"v":5,"u":6}}`,
			nc + "at /closed: additional properties 'u', 'v', 'w', 'x', 'y', 'z' not allowed"},
		// The library reports propertyNames violations at a location that
		// depends on which sibling it visited last.
		{"propertyNames location", `{"nested":{"n":{"long":1},"m":{},"o":{},"p":{}}}`,
			nc + "at /nested/n: invalid propertyName 'long' (maxLength: got 4, want 1)"},
		{"propertyNames ambiguous", `{"nested":{"n":{"long":1},"m":{"long":1},"o":{},"p":{}}}`,
			nc + "at /nested: invalid propertyName 'long' (maxLength: got 4, want 1)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for i := 0; i < 50; i++ {
				checkErr(t, s.Validate([]byte(tc.record)), ErrNonConforming, tc.msg)
			}
		})
	}
}

func TestCompileMessagesDeterministic(t *testing.T) {
	docs := []string{
		`{"properties":{"a":{"type":"strin"},"b":{"minimum":"1"},"c":{"required":"x"},"d":{"pattern":"(?=x)"},"e":{"patternProperties":{"(?<=y)":{}}}}}`,
		`{"properties":{"a":{"$ref":"a.json#/$defs/x"},"b":{"$ref":"b.json#/$defs/y"},"c":{"$ref":"c.json#anchor"},"d":{"$ref":"#/$defs/missing"}}}`,
		`{"properties":{"a":{"$ref":"#/$defs/m1/x"},"b":{"$ref":"#/$defs/m1"},"c":{"$ref":"#/$defs/m2"},"d":{"$ref":"#/$defs/m3"}}}`,
		`{"properties":{"a":{"$ref":"#m1"},"b":{"$ref":"#m2"},"c":{"$ref":"#m3"}}}`,
		`{"$defs":{"a":{"$anchor":"x"},"b":{"$anchor":"x"}}}`,
		`{"$defs":{"a":{"$id":"s.json"},"b":{"$id":"s.json"}}}`,
		`{"properties":{"a":{"$schema":"https://a.example/m","$id":"https://q/a"},"b":{"$schema":"https://b.example/m","$id":"https://q/b"}}}`,
	}
	for i, doc := range docs {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			_, first := Compile([]byte(doc))
			checkErr(t, first, ErrInvalidSchema, "")
			for range 50 {
				_, err := Compile([]byte(doc))
				checkErr(t, err, ErrInvalidSchema, first.Error())
			}
		})
	}
}

func TestCache(t *testing.T) {
	docs := []string{`{"type":"string"}`, `{"type":"number"}`, `{"type":"boolean"}`}
	c := NewCache(2)
	a1, err := c.Compile([]byte(docs[0]))
	if err != nil {
		t.Fatal(err)
	}
	a2, _ := c.Compile([]byte(docs[0]))
	if a1 != a2 {
		t.Fatal("same document compiled twice")
	}
	if b, _ := c.Compile([]byte(docs[1])); b == a1 {
		t.Fatal("different documents share a Schema")
	}
	if _, err := c.Compile([]byte(`{"type":`)); !errors.Is(err, ErrInvalidSchema) {
		t.Fatalf("got %v", err)
	}
	if len(c.entries) != 2 {
		t.Fatalf("%d entries, want 2 (errors are not cached)", len(c.entries))
	}
	c.Compile([]byte(docs[2])) // evicts the oldest, docs[0]
	if len(c.entries) != 2 {
		t.Fatalf("%d entries, want at most 2", len(c.entries))
	}
	if a3, _ := c.Compile([]byte(docs[0])); a3 == a1 {
		t.Fatal("cache holds more than its size")
	}
	if len(c.entries) != 2 || len(c.ring) != 2 {
		t.Fatalf("%d entries, %d keys; want 2", len(c.entries), len(c.ring))
	}

	off := NewCache(0)
	x, _ := off.Compile([]byte(docs[0]))
	y, _ := off.Compile([]byte(docs[0]))
	if x == y || len(off.entries) != 0 {
		t.Fatal("size 0 should disable caching")
	}
}

func TestCacheConcurrent(t *testing.T) {
	c := NewCache(3)
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				s, err := c.Compile([]byte(fmt.Sprintf(`{"maximum":%d}`, (g+i)%5)))
				if err != nil {
					t.Error(err)
					return
				}
				if s.Validate([]byte(`4`)) == nil == ((g+i)%5 < 4) {
					t.Error("wrong schema returned")
					return
				}
			}
		}()
	}
	wg.Wait()
	if len(c.entries) > 3 || len(c.entries) != len(c.ring) {
		t.Fatalf("%d entries, %d keys", len(c.entries), len(c.ring))
	}
}

func FuzzCompileValidate(f *testing.F) {
	f.Add([]byte(weatherSchema), []byte(`{"station_id":"NL-0042","observed_at":"2024-05-01T12:30:00Z","temperature_c":17.5}`))
	f.Add([]byte(`{"$schema":"http://json-schema.org/draft-07/schema#","items":[{"$ref":"#/definitions/a"}],"definitions":{"a":{"format":"date"}}}`), []byte(`["2024-01-01",1]`))
	f.Add([]byte(`{"properties":{"a":{"propertyNames":{"pattern":"^x"}},"b":{}},"additionalProperties":false}`), []byte(`{"a":{"y":1},"b":{},"c":2}`))
	f.Add([]byte(`{"$ref":"other.json#/a/b","$defs":{"x":{"$ref":"#nope"}}}`), []byte(`1`))
	f.Add([]byte(`{"$ref":"http://json-schema.org/../../etc/passwd"}`), []byte(`null`))
	f.Add([]byte(`{"multipleOf":1e-999,"uniqueItems":true}`), []byte(`[1e999,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,1e999]`))
	f.Add([]byte(`{"$defs":{"a":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}`), []byte(`{}`))
	f.Add([]byte("\xff{"), []byte("\x00"))
	f.Fuzz(func(t *testing.T, doc, record []byte) {
		s, err := Compile(doc)
		if err != nil {
			if !errors.Is(err, ErrInvalidSchema) || s != nil {
				t.Fatalf("Compile: %v", err)
			}
			return
		}
		err = s.Validate(record)
		if err == nil {
			return
		}
		if !errors.Is(err, ErrInvalidRecord) && !errors.Is(err, ErrNonConforming) {
			t.Fatalf("Validate: %v", err)
		}
		if again := s.Validate(record); again == nil || again.Error() != err.Error() {
			t.Fatalf("Validate not deterministic:\n%v\n%v", err, again)
		}
	})
}

// doubling returns a schema whose expansion doubles at each of n levels: a0
// refers twice to a1, a1 twice to a2, ...
func doubling(n int) string {
	var b strings.Builder
	b.WriteString(`{"$ref":"#/$defs/a0","$defs":{`)
	for i := range n {
		fmt.Fprintf(&b, `"a%d":{"anyOf":[{"$ref":"#/$defs/a%d"},{"$ref":"#/$defs/a%d"}]},`, i, i+1, i+1)
	}
	fmt.Fprintf(&b, `"a%d":{"type":"integer"}}}`, n)
	return b.String()
}

func TestComplexity(t *testing.T) {
	for _, tc := range []struct {
		doc  string
		want int
	}{
		{`true`, 1},
		{`{"type":"string"}`, 2},
		{`{"type":"object","properties":{"a":{"type":"string"}}}`, 5},
		// The reference adds its target's size: 1+1(ref string)+3(target) for
		// the root's $ref, plus the $defs object (1) with the target (3).
		{`{"$ref":"#/$defs/x","$defs":{"x":{"type":"integer","minimum":0}}}`, 1 + 1 + 3 + 1 + 3},
		{doubling(3), 0},
	} {
		s, err := Compile([]byte(tc.doc))
		if err != nil {
			t.Fatal(err)
		}
		if tc.want != 0 && s.Complexity() != tc.want {
			t.Errorf("%s: complexity %d, want %d", tc.doc, s.Complexity(), tc.want)
		}
	}
	// Each level doubles the expansion.
	a, _ := Compile([]byte(doubling(8)))
	b, _ := Compile([]byte(doubling(9)))
	if b.Complexity() < 2*a.Complexity()-10 {
		t.Errorf("complexity of 9 levels %d is not about twice that of 8 levels %d", b.Complexity(), a.Complexity())
	}
}
