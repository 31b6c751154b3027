#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace zc {

// JSON Web Tokens: decoding of tokens we receive (never verified client-side: the server that
// issued them is the one that checks them) and RS256 signing of the client assertion of
// private_key_jwt with OpenSSL libcrypto (EVP). No hand-written cryptography.
class Jwt
{
public:
    static QByteArray base64Url(const QByteArray &bytes);
    // Decodes base64url (with or without padding); nullopt if it is not valid base64url.
    static std::optional<QByteArray> fromBase64Url(const QByteArray &text);

    // The payload of a compact JWS "h.p.s" as JSON; nullopt if it is not a JWT.
    static std::optional<QJsonObject> payload(const QByteArray &token);
    // The exp claim (seconds since the epoch); nullopt if absent, not a number or not a JWT.
    static std::optional<qint64> exp(const QByteArray &token);

    // "header.claims.signature" signed RS256 with the PEM private key (PKCS#8 or PKCS#1 RSA,
    // at least 2048 bits, no passphrase). Empty with `error` set on failure. Does not keep `pem`.
    static QByteArray signRs256(const QJsonObject &claims, const QByteArray &pem, QString *error);

    // The private_key_jwt client assertion (zscaler-api-notes.md §1.3): iss = sub = clientId,
    // aud, exp = now + 600 s, iat = now, random jti.
    static QByteArray clientAssertion(const QString &clientId, const QString &audience,
                                      qint64 nowSecs, const QByteArray &pem, QString *error);
};

} // namespace zc
