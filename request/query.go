package request

import "net/url"

// Query is an address's query of the params that are set (not empty): a
// page's links to itself keep the search and filters it was asked for.
func Query(params map[string]string) url.Values {
	v := url.Values{}
	for k, s := range params {
		if s != "" {
			v.Set(k, s)
		}
	}
	return v
}
