// Package scratch keeps what a run must hold for a while but not in
// memory (the rows read ahead, the persons being compared) in a temporary
// file that tells nobody anything: see File.
package scratch

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"io"
	"os"

	"leadimport/importer/msg"
)

// File is a temporary file for what does not fit in memory, written
// once from start to end and read back in pieces. What it holds is
// encrypted (AES-CTR) under a key made for it that never leaves the
// process, so a copy of the file, or one left behind by a process that
// was killed, tells nobody anything. On Unix the file is unlinked as soon
// as it is made: only the open descriptor keeps it, and it is gone with
// the process whatever ends it.
type File struct {
	f       *os.File
	path    string // "" once unlinked
	block   cipher.Block
	written int64
}

// New makes a File in dir, named from pattern as os.CreateTemp names it,
// or where no file can be made there (a read-only folder, /dev for a
// report on the standard output), in the system's temporary directory.
func New(dir, pattern string) (*File, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil && dir != "" {
		f, err = os.CreateTemp("", pattern)
	}
	if err != nil {
		return nil, err
	}
	s := &File{f: f, path: f.Name()}
	if os.Remove(s.path) == nil {
		s.path = "" // Windows keeps an open file: it goes at close
	}
	var key [32]byte
	rand.Read(key[:])
	if s.block, err = aes.NewCipher(key[:]); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// stream is the key stream from byte offset off on. The key is the
// file's own, so the counter block can start at zero: it is the number
// of the block.
func (s *File) stream(off int64) cipher.Stream {
	var iv [aes.BlockSize]byte
	binary.BigEndian.PutUint64(iv[8:], uint64(off/aes.BlockSize))
	st := cipher.NewCTR(s.block, iv[:])
	if skip := int(off % aes.BlockSize); skip > 0 {
		var waste [aes.BlockSize]byte
		st.XORKeyStream(waste[:skip], waste[:skip])
	}
	return st
}

// Write appends p, encrypted, and returns where it starts. It encrypts
// p in place: the caller's buffer is spent.
func (s *File) Write(p []byte) (int64, error) {
	off := s.written
	s.stream(off).XORKeyStream(p, p)
	if _, err := s.f.WriteAt(p, off); err != nil {
		return 0, err
	}
	s.written += int64(len(p))
	return off, nil
}

// Reader reads n bytes from off, decrypted. Readers of different parts
// may be used at once.
func (s *File) Reader(off, n int64) io.Reader {
	return cipher.StreamReader{S: s.stream(off), R: io.NewSectionReader(s.f, off, n)}
}

// Size is how many bytes were written.
func (s *File) Size() int64 { return s.written }

// Close removes the file.
func (s *File) Close() error {
	err := s.f.Close()
	if s.path != "" {
		if rmErr := os.Remove(s.path); rmErr != nil {
			err = errors.Join(err, msg.Error(msg.CannotRemove{Path: s.path, Err: rmErr}))
		}
	}
	return err
}
