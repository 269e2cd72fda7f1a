package source

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCellValue(t *testing.T) {
	general := newNumFormat(0, "")
	tests := []struct {
		name     string
		typ, raw string
		format   numFormat
		date1904 bool
		want     string
	}{
		{name: "personnummer", raw: "198001022386", format: general, want: "198001022386"},
		{name: "personnummer in exponent notation", raw: "1.98001022386E+11", format: general, want: "198001022386"},
		{name: "personnummer in a decimal format", raw: "198001022386", format: newNumFormat(4, ""), want: "198001022386"},
		{name: "phone number stays unpadded", raw: "701234567", format: general, want: "701234567"},
		{name: "fraction as General shows it", raw: "0.30000000000000004", format: general, want: "0.3"},
		{name: "fraction without its format's decoration", raw: "1234.5", format: newNumFormat(165, `#,##0.00" kr"`), want: "1234.5"},
		{name: "tiny number", raw: "1.234E-05", format: general, want: "1.234E-05"},
		{name: "past 15 digits Excel keeps 15", raw: "12345678901234567890", format: general, want: "12345678901234600000"},
		{name: "negative zero", raw: "-0", format: general, want: "0"},
		{name: "built-in date", raw: "45424", format: newNumFormat(14, ""), want: "2024-05-12"},
		{name: "custom date and time", raw: "45424.604166666664", format: newNumFormat(164, "yyyy-mm-dd hh:mm"), want: "2024-05-12 14:30"},
		{name: "Swedish date", raw: "45424", format: newNumFormat(170, `[$-41D]d/m/yyyy`), want: "2024-05-12"},
		{name: "time alone", raw: "0.75", format: newNumFormat(20, ""), want: "18:00"},
		{name: "1904 date system", raw: "43962", format: newNumFormat(14, ""), date1904: true, want: "2024-05-12"},
		{name: "1900's first days", raw: "1", format: newNumFormat(14, ""), want: "1900-01-01"},
		{name: "date past 9999 is a number", raw: "2958466", format: newNumFormat(14, ""), want: "2958466"},
		{name: "negative date is a number", raw: "-1", format: newNumFormat(14, ""), want: "-1"},
		{name: "quoted text in a format is no date", raw: "12.5", format: newNumFormat(170, `0.0" dygn"`), want: "12.5"},
		{name: "colour in a format is no date", raw: "12.5", format: newNumFormat(170, `[Red]0.0`), want: "12.5"},
		{name: "not a number", raw: "0x1p4", format: general, want: "0x1p4"},
		{name: "ISO date cell", typ: "d", raw: "2024-05-12T00:00:00Z", want: "2024-05-12"},
		{name: "ISO date and time cell", typ: "d", raw: "2024-05-12T14:30:00", want: "2024-05-12 14:30"},
		{name: "boolean", typ: "b", raw: "1", want: "TRUE"},
		{name: "error", typ: "e", raw: "#N/A", want: "#N/A"},
		{name: "text that looks like a number", typ: "s", raw: "1.98001E+11", want: "1.98001E+11"},
		{name: "formula string", typ: "str", raw: "Lund", want: "Lund"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, cellValue(tt.typ, tt.raw, tt.format, tt.date1904))
		})
	}
}
