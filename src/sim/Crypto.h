// OpenSSL (libcrypto, EVP) helpers of the simulator: RSA keys, RS256 verification, issued tokens.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace zsim::crypto {

QByteArray randomBytes(int n);
QByteArray base64Url(const QByteArray &data);
bool base64UrlDecode(const QByteArray &text, QByteArray *out);

// Generates an RSA-2048 key pair: the private key as PKCS#8 PEM, the public key as SPKI PEM.
bool generateRsaKeyPair(QByteArray *privatePem, QByteArray *publicPem, QString *error);
// Normalises a PEM public key, certificate or private key to an SPKI public key PEM of an RSA
// key of at least 2048 bits; empty on failure.
QByteArray rsaPublicKeyPem(const QByteArray &pem, QString *error);
// Verifies an RS256 signature (RSASSA-PKCS1-v1_5 with SHA-256) over signingInput.
bool verifyRs256(const QByteArray &publicPem, const QByteArray &signingInput,
                 const QByteArray &signature, QString *error);

// A JWT-shaped token signed with HS256 under the simulator's own key (clients never verify it;
// the simulator looks tokens up in its token table).
QByteArray makeHs256Jwt(const QJsonObject &payload, const QByteArray &key);

// Decoded parts of a compact JWT; false when it is not three base64url JSON/bytes parts.
struct JwtParts {
    QJsonObject header;
    QJsonObject payload;
    QByteArray signingInput;
    QByteArray signature;
};
bool splitJwt(const QByteArray &jwt, JwtParts *out);

QByteArray md5Hex(const QByteArray &data);
QByteArray sha256Hex(const QByteArray &data);

} // namespace zsim::crypto
