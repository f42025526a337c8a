package request

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"lector/apperr"
)

// CheckStrings walks a decoded JSON form and checks every string in it with
// Text, or with Line where the struct field is tagged `input:"line"`, and
// every int within int4 (a form's int is an integer column: a revision, an
// offset; ids are int64), naming the field by its JSON path. Lengths are
// each domain's: they differ by field and hold for the command line too.
func CheckStrings(form any) error {
	return walkStrings(reflect.ValueOf(form), "", false)
}

func walkStrings(v reflect.Value, path string, line bool) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return walkStrings(v.Elem(), path, line)
	case reflect.Int, reflect.Int32:
		if n := v.Int(); n < -MaxInt4-1 || n > MaxInt4 {
			return apperr.New(apperr.Invalid, "error.field_number", map[string]any{"Field": path, "Min": -MaxInt4 - 1, "Max": MaxInt4})
		}
	case reflect.String:
		if line {
			return Line(path, v.String(), 0)
		}
		return Text(path, v.String(), 0)
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			if path != "" {
				name = path + "." + name
			}
			if err := walkStrings(v.Field(i), name, f.Tag.Get("input") == "line"); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		if k := v.Type().Elem().Kind(); k == reflect.Uint8 || k == reflect.Int64 || k == reflect.Bool {
			return nil // raw JSON, ids, flags: nothing to check
		}
		for i := 0; i < v.Len(); i++ {
			if err := walkStrings(v.Index(i), path+"["+strconv.Itoa(i)+"]", line); err != nil {
				return err
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			key := path + "." + fmt.Sprint(iter.Key())
			if iter.Key().Kind() == reflect.String {
				if err := Line(key, iter.Key().String(), 0); err != nil {
					return err
				}
			}
			if err := walkStrings(iter.Value(), key, line); err != nil {
				return err
			}
		}
	}
	return nil
}
