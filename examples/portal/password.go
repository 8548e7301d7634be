package main

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"

	"github.com/kh164/kh164/diag"
)

// Passwords are hashed with argon2id at OWASP's first recommended setting
// (19 MiB, 2 passes, 1 lane), and kept in the PHC string format
// $argon2id$v=19$m=19456,t=2,p=1$salt$hash, so that the parameters can be
// raised later without breaking stored hashes.
const (
	argonMemory  = 19 * 1024 // KiB
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// Password rules (OWASP ASVS 2.1): at least 12 characters, at most 128,
// any characters; compared after NFC normalisation, so that the same
// Vietnamese passphrase typed on two keyboards is the same password.
const (
	minPassword = 12
	maxPassword = 128
)

// hashing bounds how many passwords are hashed at once: each takes 19 MiB
// and tens of milliseconds of a core, and a stranger can make the server
// hash by trying to sign in.
var hashing = make(chan struct{}, 2)

func acquireHashing(ctx context.Context) error {
	select {
	case hashing <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func releaseHashing() { <-hashing }

// hashPassword returns the PHC string of password.
func hashPassword(ctx context.Context, password string) (string, error) {
	if err := acquireHashing(ctx); err != nil {
		return "", err
	}
	defer releaseHashing()
	salt := make([]byte, argonSaltLen)
	rand.Read(salt)
	key := argon2.IDKey([]byte(norm.NFC.String(password)), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// dummyHash is compared against when there is no account, so that a
// failed sign-in takes as long for an unknown username as for a wrong
// password.
var dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

// checkPassword reports whether password matches the PHC string encoded.
func checkPassword(ctx context.Context, encoded, password string) (bool, error) {
	if encoded == "" {
		encoded = dummyHash
	}
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errors.New("unknown password hash format")
	}
	var version int
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, errors.New("unknown argon2 version")
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m > 1<<20 || t > 10 || p == 0 || p > 8 {
		return false, errors.New("bad argon2 parameters")
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	key, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(key) == 0 || len(key) > 64 {
		return false, errors.New("bad argon2 hash")
	}
	if err := acquireHashing(ctx); err != nil {
		return false, err
	}
	defer releaseHashing()
	got := argon2.IDKey([]byte(norm.NFC.String(password)), salt, t, m, p, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1 && encoded != dummyHash, nil
}

// checkNewPassword returns the issues of a new password, or nil.
func checkNewPassword(password, confirm, username string) diag.List {
	password = norm.NFC.String(password)
	n := utf8.RuneCountInString(password)
	switch {
	case n < minPassword:
		return diag.List{diag.New("/password", diag.PasswordTooShort,
			fmt.Sprintf("Mật khẩu phải có ít nhất %d ký tự (nên dùng một câu dễ nhớ).", minPassword),
			fmt.Sprintf("The password must have at least %d characters (a memorable sentence is best).", minPassword))}
	case n > maxPassword:
		return diag.List{diag.New("/password", diag.PasswordTooLong,
			fmt.Sprintf("Mật khẩu dài tối đa %d ký tự.", maxPassword),
			fmt.Sprintf("The password may have at most %d characters.", maxPassword))}
	case strings.Contains(strings.ToLower(password), username):
		return diag.List{diag.New("/password", diag.PasswordHasUsername,
			"Mật khẩu không được chứa tên đăng nhập.", "The password must not contain the username.")}
	case norm.NFC.String(confirm) != password:
		return diag.List{diag.New("/confirm", diag.PasswordMismatch,
			"Hai lần nhập mật khẩu không khớp; hãy nhập lại.", "The two passwords differ; type them again.")}
	}
	return nil
}
