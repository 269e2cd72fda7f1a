package mapping

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// fill sets every field that v holds, at any depth, to a value of its
// own: a field added to Lead that AppendBinary does not keep makes the
// round trip below fail.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString("v" + string(rune('a'+*n%26)) + "ö" + string(rune('0'+*n%10)))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int:
		v.SetInt(int64(*n))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), n)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				fill(f, n)
			} else if v.Type().Field(i).Name == "col" {
				reflect.NewAt(f.Type(), f.Addr().UnsafePointer()).Elem().SetInt(int64(*n))
			}
		}
	default:
		panic("fill: a field of kind " + v.Kind().String() + ": teach AppendBinary and fill to keep it")
	}
}

// fullLeads are a lead of each endpoint with every field of its body
// filled by fill: a FinalPriceWatched lead has no Interest, and an
// interest registration's Body is empty.
func fullLeads(n *int) (finalPrice, interest Lead) {
	var l Lead
	fill(reflect.ValueOf(&l).Elem(), n)
	finalPrice, interest = l, l
	finalPrice.Interest = nil
	interest.Body = FinalPriceWatched{}
	return finalPrice, interest
}

func TestMappedBinaryRoundTrip(t *testing.T) {
	n := 0
	finalPrice, interest := fullLeads(&n)
	full := Mapped{Lead: finalPrice}
	full.Changes = make([]Change, 3)
	for i := range full.Changes {
		fill(reflect.ValueOf(&full.Changes[i]).Elem(), &n)
	}
	tests := []struct {
		name string
		m    Mapped
	}{
		{"every field", full},
		{"every field of an interest registration", Mapped{Lead: interest, Changes: full.Changes[:1]}},
		{"an interest registration without the optional parts", Mapped{Lead: Lead{Endpoint: EndpointInterest, CustomerID: "M1001", EstateID: "OBJ1",
			Interest: &Interest{Person: Person{FirstName: "Tolvan", LastName: "Tolvansson"}}}}},
		{"nothing", Mapped{}},
		{"a lead without the optional parts", Mapped{Lead: Lead{Endpoint: EndpointFinalPriceWatched, CustomerID: "M1001", EstateID: "OBJ1",
			Body: FinalPriceWatched{Person: Person{FirstName: "Tolvan", LastName: "Tolvansson"}}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := tc.m.AppendBinary([]byte("prefix"))
			require.NoError(t, err)
			var got Mapped
			require.NoError(t, got.UnmarshalBinary(b[len("prefix"):]))
			assert.Equal(t, tc.m, got)
			changes, err := UnmarshalChanges(b[len("prefix"):])
			require.NoError(t, err)
			assert.Equal(t, tc.m.Changes, changes, "the changes alone")
			for cut := range len(b) - len("prefix") {
				assert.Error(t, got.UnmarshalBinary(b[len("prefix"):len("prefix")+cut]), "cut at %d", cut)
			}
			for cut := range 1 + tc.m.changesSize() {
				_, err := UnmarshalChanges(b[len("prefix") : len("prefix")+cut])
				assert.Error(t, err, "changes cut at %d", cut)
			}
		})
	}
}

func TestMappedBinaryOnlyClean(t *testing.T) {
	for _, m := range []Mapped{
		{Problems: []Problem{{Column: "E-post", Message: msg.Verbatim{Text: "x"}}}},
		{Warnings: []Problem{{Column: "E-post", Message: msg.Verbatim{Text: "x"}}}},
	} {
		assert.False(t, m.Clean())
		b, err := m.AppendBinary(nil)
		assert.ErrorIs(t, err, ErrNotClean)
		assert.Empty(t, b)
	}
}

func FuzzMappedBinary(f *testing.F) {
	n := 0
	finalPrice, interest := fullLeads(&n)
	for _, l := range []Lead{finalPrice, interest} {
		m := Mapped{Lead: l}
		b, _ := m.AppendBinary(nil)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got Mapped
		if got.UnmarshalBinary(data) != nil {
			return
		}
		again, err := got.AppendBinary(nil)
		require.NoError(t, err)
		changes, err := UnmarshalChanges(data)
		require.NoError(t, err)
		assert.Equal(t, got.Changes, changes)
		var twice Mapped
		require.NoError(t, twice.UnmarshalBinary(again))
		assert.Equal(t, got, twice)
	})
}
