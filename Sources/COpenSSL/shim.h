// The system OpenSSL (libssl-dev) for Conform's TLS client and its loopback test servers, and SHA-256 for the core.
// Swift cannot call OpenSSL's function-like macros; these inline functions wrap the ones Conform needs.
#ifndef CONFORM_COPENSSL_SHIM_H
#define CONFORM_COPENSSL_SHIM_H

#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/x509_vfy.h>
#include <openssl/sha.h>

/// SHA-256 of `count` bytes in one call, through the low-level functions: `SHA256()` in OpenSSL 3 fetches the
/// algorithm from the provider on every call (≈ 10,000 instructions), which a catalog walk hashing every item and
/// member cannot afford. Deprecated for new code, not removed; the warning is silenced for this one use.
static inline void conform_sha256(const void *data, size_t count, unsigned char *md) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    SHA256_CTX c;
    SHA256_Init(&c);
    SHA256_Update(&c, data, count);
    SHA256_Final(md, &c);
#pragma GCC diagnostic pop
}

/// TLS 1.2 is the oldest version Conform speaks.
static inline int conform_ssl_ctx_min_tls12(SSL_CTX *ctx) {
    return (int)SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
}

/// A peer closing TCP without close_notify reads as end of stream (bodies framed by Content-Length or
/// chunked encoding still detect truncation), as with plain http.
static inline void conform_ssl_ctx_ignore_unexpected_eof(SSL_CTX *ctx) {
    SSL_CTX_set_options(ctx, SSL_OP_IGNORE_UNEXPECTED_EOF | SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
}

static int conform_no_passphrase(char *buf, int size, int rwflag, void *userdata) {
    (void)buf; (void)size; (void)rwflag; (void)userdata;
    return 0;
}

/// An encrypted private key fails to load instead of OpenSSL prompting on the terminal (CI has none).
static inline void conform_ssl_ctx_no_passphrase_prompt(SSL_CTX *ctx) {
    SSL_CTX_set_default_passwd_cb(ctx, conform_no_passphrase);
}

/// Server Name Indication (host names only: RFC 6066 forbids IP addresses there).
static inline int conform_ssl_set_sni(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

/// The certificate must name `host`: an IP address is matched against IP SANs, anything else against DNS
/// names (no partial wildcards such as `a*.example.com`). Returns 1 on success.
static inline int conform_ssl_expect_host(SSL *ssl, const char *host) {
    X509_VERIFY_PARAM *param = SSL_get0_param(ssl);
    if (X509_VERIFY_PARAM_set1_ip_asc(param, host) == 1) return 1;
    X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    return X509_VERIFY_PARAM_set1_host(param, host, 0);
}

/// Highest TLS version a context speaks (the loopback test servers use it to play an outdated server).
static inline int conform_ssl_ctx_max_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_max_proto_version(ctx, version);
}

#endif
