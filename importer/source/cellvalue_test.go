package source

import (
	"fmt"
	"strconv"
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

// TestCellValueDateFormats: every date, time, date-time and duration
// format of Excel's built-in number formats (14–22, 45–47, which a file
// names by id alone) and common custom ones, in both date systems, read
// as Excel shows them in this reader's ISO 8601 form. The value is
// 2024-05-12 14:30:45.24, serial 45424.6046903… in the 1900 system and
// 43962.6046903… in the 1904 system.
func TestCellValueDateFormats(t *testing.T) {
	day := (14*3600 + 30*60 + 45.24) / 86400
	serial := map[bool]float64{false: 45424 + day, true: 45424 - 1462 + day}
	tests := []struct {
		id   int
		code string
		want string
		// want1904 is the 1904 system's, where it differs: a duration
		// counts days from the system's start.
		want1904 string
	}{
		{id: 14, want: "2024-05-12"},                               // mm-dd-yy (as the computer's settings order it)
		{id: 15, want: "2024-05-12"},                               // d-mmm-yy
		{id: 16, want: "2024-05-12"},                               // d-mmm
		{id: 17, want: "2024-05-12"},                               // mmm-yy
		{id: 18, want: "14:30"},                                    // h:mm AM/PM
		{id: 19, want: "14:30:45"},                                 // h:mm:ss AM/PM
		{id: 20, want: "14:30"},                                    // h:mm
		{id: 21, want: "14:30:45"},                                 // h:mm:ss
		{id: 22, want: "2024-05-12 14:30"},                         // m/d/yy h:mm
		{id: 45, want: "30:45"},                                    // mm:ss
		{id: 46, want: "1090190:30:45", want1904: "1055102:30:45"}, // [h]:mm:ss
		{id: 47, want: "30:45.2"},                                  // mm:ss.0
		{id: 164, code: "yyyy-mm-dd", want: "2024-05-12"},
		{id: 164, code: "d/m/yyyy", want: "2024-05-12"},
		{id: 164, code: `[$-41D]d\ mmmm\ yyyy;@`, want: "2024-05-12"},
		{id: 164, code: "yyyy-mm-dd hh:mm", want: "2024-05-12 14:30"},
		{id: 164, code: "yyyy-mm-dd hh:mm:ss", want: "2024-05-12 14:30:45"},
		{id: 164, code: "dd/mm/yyyy\\ hh:mm:ss", want: "2024-05-12 14:30:45"},
		{id: 164, code: "hh:mm", want: "14:30"},
		{id: 164, code: "hh:mm:ss", want: "14:30:45"},
		{id: 164, code: "h:mm:ss;@", want: "14:30:45"},
		{id: 164, code: `h" h "mm" min"`, want: "14:30"},
		{id: 164, code: "mm:ss", want: "30:45"},
		{id: 164, code: "mm:ss.0", want: "30:45.2"},
		{id: 164, code: "hh:mm:ss.00", want: "14:30:45.24"},
		{id: 164, code: "[h]:mm", want: "1090190:30", want1904: "1055102:30"},
		{id: 164, code: "[h]:mm:ss", want: "1090190:30:45", want1904: "1055102:30:45"},
		{id: 164, code: "[hh]:mm:ss;@", want: "1090190:30:45", want1904: "1055102:30:45"},
		{id: 164, code: "[m]:ss", want: "65411430:45", want1904: "63306150:45"},
		{id: 164, code: "[mm]:ss.0", want: "65411430:45.2", want1904: "63306150:45.2"},
		{id: 164, code: "[s]", want: "3924685845", want1904: "3798369045"},
	}
	for _, tt := range tests {
		for _, date1904 := range []bool{false, true} {
			name := fmt.Sprintf("%d %s 1904=%v", tt.id, tt.code, date1904)
			t.Run(name, func(t *testing.T) {
				want := tt.want
				if date1904 && tt.want1904 != "" {
					want = tt.want1904
				}
				raw := strconv.FormatFloat(serial[date1904], 'g', -1, 64)
				assert.Equal(t, want, cellValue("", raw, newNumFormat(tt.id, tt.code), date1904))
			})
		}
	}
}

// TestCellValueTimes: durations, seconds and ISO dates at their edges.
func TestCellValueTimes(t *testing.T) {
	format := func(code string) numFormat { return newNumFormat(164, code) }
	tests := []struct {
		name     string
		typ, raw string
		format   numFormat
		date1904 bool
		want     string
	}{
		{name: "a duration past a day", raw: "10.632", format: format("[h]:mm:ss"), want: "255:10:05"},
		{name: "the issue's duration", raw: "10.6320601851852", format: format("[h]:mm:ss"), want: "255:10:10"},
		{name: "a duration in the 1904 system", raw: "10.632", format: format("[h]:mm:ss"), date1904: true, want: "255:10:05"},
		{name: "a duration without seconds", raw: "10.632", format: format("[h]:mm"), want: "255:10"},
		{name: "built-in 46", raw: "1.5", format: newNumFormat(46, ""), want: "36:00:00"},
		{name: "minutes past the hour", raw: "0.0423", format: format("[m]:ss"), want: "60:55"},
		{name: "a short duration", raw: "0.000694444444444444", format: format("[h]:mm:ss"), want: "0:01:00"},
		{name: "tenths of a second", raw: "10.632", format: format("mm:ss.0"), want: "10:04.8"},
		{name: "seconds round", raw: "0.999994", format: format("hh:mm:ss"), want: "23:59:59"},
		{name: "seconds round into the next day", raw: "45424.999999", format: format("yyyy-mm-dd hh:mm:ss"), want: "2024-05-13"},
		{name: "minutes do not round up", raw: "45424.99999", format: format("yyyy-mm-dd hh:mm"), want: "2024-05-12 23:59"},
		{name: "a time of day past day 1", raw: "45424.75", format: newNumFormat(20, ""), want: "18:00"},
		{name: "a date shows no time", raw: "45424.75", format: newNumFormat(14, ""), want: "2024-05-12"},
		{name: "day 60 of the 1900 system", raw: "60.5", format: format("yyyy-mm-dd hh:mm"), want: "1900-02-29 12:00"},
		{name: "a negative duration is a number", raw: "-0.5", format: format("[h]:mm"), want: "-0.5"},
		{name: "East Asian built-in: the value decides", raw: "45424.5", format: newNumFormat(31, ""), want: "2024-05-12 12:00"},
		{name: "East Asian built-in: a time", raw: "0.5", format: newNumFormat(32, ""), want: "12:00"},
		{name: "ISO date and time with seconds", typ: "d", raw: "2021-01-01T10:10:10", want: "2021-01-01 10:10:10"},
		{name: "ISO date and time in a format without seconds", typ: "d", raw: "2021-01-01T10:10:10", format: format("yyyy-mm-dd hh:mm"), want: "2021-01-01 10:10"},
		{name: "ISO date and time in a format with seconds, 1904", typ: "d", raw: "2021-01-01T10:10:10Z", format: format("yyyy-mm-dd hh:mm:ss"), date1904: true, want: "2021-01-01 10:10:10"},
		{name: "ISO time with seconds", typ: "d", raw: "10:10:10", want: "10:10:10"},
		{name: "ISO date in a time format", typ: "d", raw: "2021-01-01T10:10:10", format: newNumFormat(21, ""), want: "10:10:10"},
		{name: "ISO date before 1900", typ: "d", raw: "1850-06-01T12:00:00", want: "1850-06-01 12:00"},
		{name: "a date past 2192 (once past time.Duration)", raw: "107000", format: newNumFormat(14, ""), want: "2192-12-13"},
		{name: "the last date", raw: "2958465.5", format: newNumFormat(22, ""), want: "9999-12-31 12:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, cellValue(tt.typ, tt.raw, tt.format, tt.date1904))
		})
	}
}
