package schema

import (
	"crypto/sha256"
	"sync"
)

// Cache keeps compiled schemas keyed by the SHA-256 of the document, at most
// size entries (when full, it drops entries to make room; which ones does not
// matter for correctness because a compiled schema depends only on the
// document bytes). Safe for concurrent use.
//
// Whether a call hits the cache differs between nodes, so callers must not let
// it influence anything consensus-relevant, such as gas.
type Cache struct {
	mu      sync.Mutex
	size    int
	entries map[[sha256.Size]byte]*Schema
	ring    [][sha256.Size]byte // keys in insertion order, evicted first-in first-out
	next    int                 // once the ring is full: index of the oldest key
}

// NewCache returns a cache holding at most size compiled schemas; a size
// below 1 disables caching.
func NewCache(size int) *Cache {
	if size < 0 {
		size = 0
	}
	return &Cache{size: size, entries: make(map[[sha256.Size]byte]*Schema, size)}
}

// Compile is like the package-level Compile but returns the cached *Schema
// for a document compiled before. Compile errors are not cached.
func (c *Cache) Compile(doc []byte) (*Schema, error) {
	if c == nil || c.size < 1 {
		return Compile(doc)
	}
	key := sha256.Sum256(doc)
	c.mu.Lock()
	s, ok := c.entries[key]
	c.mu.Unlock()
	if ok {
		return s, nil
	}

	s, err := Compile(doc) // outside the lock: compiling may take a while
	if err != nil {
		return nil, err
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	if prev, ok := c.entries[key]; ok { // compiled concurrently by another caller
		return prev, nil
	}
	if len(c.ring) < c.size {
		c.ring = append(c.ring, key)
	} else {
		delete(c.entries, c.ring[c.next])
		c.ring[c.next] = key
		c.next = (c.next + 1) % c.size
	}
	c.entries[key] = s
	return s, nil
}
