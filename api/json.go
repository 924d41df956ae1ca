package api

import (
	"reflect"
	"strings"
	"sync"
)

// fillNilSlices walks v (a pointer) and replaces every nil slice or map held in a
// struct field that is always written (its json tag has no omitempty) with an empty
// one, so that the JSON has [] or {} where the OpenAPI schema promises an array or an
// object, never null. It follows pointers, slices and struct fields.
func fillNilSlices(v any) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return
	}
	fill(rv.Elem())
}

func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			fill(v.Elem())
		}
	case reflect.Slice:
		if !mayHoldNil(v.Type().Elem()) {
			return
		}
		for i := 0; i < v.Len(); i++ {
			fill(v.Index(i))
		}
	case reflect.Array:
		if !mayHoldNil(v.Type().Elem()) {
			return
		}
		for i := 0; i < v.Len(); i++ {
			fill(v.Index(i))
		}
	case reflect.Struct:
		for _, f := range structFields(v.Type()) {
			fv := v.Field(f.index)
			switch {
			case fv.Kind() == reflect.Slice && fv.IsNil() && f.always && fv.CanSet():
				fv.Set(reflect.MakeSlice(fv.Type(), 0, 0))
			case fv.Kind() == reflect.Map && fv.IsNil() && f.always && fv.CanSet():
				fv.Set(reflect.MakeMap(fv.Type()))
			default:
				fill(fv)
			}
		}
	}
}

type fieldInfo struct {
	index  int
	always bool // written even when empty
}

var fieldCache sync.Map // reflect.Type → []fieldInfo

// structFields lists the exported fields of t worth visiting: slices, maps, pointers,
// interfaces and structs that may hold them.
func structFields(t reflect.Type) []fieldInfo {
	if fi, ok := fieldCache.Load(t); ok {
		return fi.([]fieldInfo)
	}
	var out []fieldInfo
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		k := f.Type.Kind()
		if k != reflect.Slice && k != reflect.Map && !mayHoldNil(f.Type) {
			continue
		}
		_, opts, _ := strings.Cut(tag, ",")
		out = append(out, fieldInfo{index: i, always: !strings.Contains(","+opts+",", ",omitempty,")})
	}
	fieldCache.Store(t, out)
	return out
}

var nilCache sync.Map // reflect.Type → bool

// mayHoldNil reports whether a value of type t can contain a slice or map field.
func mayHoldNil(t reflect.Type) bool {
	if b, ok := nilCache.Load(t); ok {
		return b.(bool)
	}
	nilCache.Store(t, true) // break cycles: assume yes while computing
	var r bool
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		r = mayHoldNil(t.Elem())
	case reflect.Interface, reflect.Map:
		r = true
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.IsExported() && (f.Type.Kind() == reflect.Slice || f.Type.Kind() == reflect.Map || mayHoldNil(f.Type)) {
				r = true
				break
			}
		}
	}
	nilCache.Store(t, r)
	return r
}
