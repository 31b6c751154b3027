#include "auth/Jwt.h"

#include <QJsonDocument>
#include <QRandomGenerator>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace zc {

namespace {
// Never prompt for a passphrase on a terminal: an encrypted key is an error here.
int noPassphrase(char *, int, int, void *) { return -1; }

struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};
struct PkeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
} // namespace

QByteArray Jwt::base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> Jwt::fromBase64Url(const QByteArray &text)
{
    auto r = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding
                                                      | QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return std::nullopt;
    return *r;
}

std::optional<QJsonObject> Jwt::payload(const QByteArray &token)
{
    if (token.size() > 64 * 1024)
        return std::nullopt;
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return std::nullopt;
    const auto header = fromBase64Url(parts[0]);
    const auto body = fromBase64Url(parts[1]);
    if (!header || !body)
        return std::nullopt;
    const QJsonDocument h = QJsonDocument::fromJson(*header);
    const QJsonDocument p = QJsonDocument::fromJson(*body);
    if (!h.isObject() || !p.isObject())
        return std::nullopt;
    return p.object();
}

std::optional<qint64> Jwt::exp(const QByteArray &token)
{
    const auto p = payload(token);
    if (!p)
        return std::nullopt;
    const QJsonValue v = p->value(QStringLiteral("exp"));
    double d = 0;
    if (v.isDouble())
        d = v.toDouble();
    else if (v.isString()) {
        bool ok = false;
        d = v.toString().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!(d > 0) || d > 1e11) // after the year 5000: not a plausible exp
        return std::nullopt;
    return qint64(d);
}

QByteArray Jwt::signRs256(const QJsonObject &claims, const QByteArray &pem, QString *error)
{
    auto setError = [error](const QString &e) {
        if (error)
            *error = e;
        return QByteArray();
    };
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio)
        return setError(QStringLiteral("out of memory"));
    std::unique_ptr<EVP_PKEY, PkeyFree> key(PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr));
    if (!key)
        return setError(QStringLiteral("the private key is not a readable PEM private key without a "
                                       "passphrase"));
    if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return setError(QStringLiteral("the private key is not an RSA key (RS256 needs RSA)"));
    if (EVP_PKEY_get_bits(key.get()) < 2048)
        return setError(QStringLiteral("the RSA key has %1 bits; at least 2048 are needed")
                            .arg(EVP_PKEY_get_bits(key.get())));

    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
                             + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return setError(QStringLiteral("could not set up RS256 signing"));
    size_t len = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(input.constData());
    if (EVP_DigestSign(ctx.get(), nullptr, &len, data, size_t(input.size())) != 1)
        return setError(QStringLiteral("RS256 signing failed"));
    QByteArray sig(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, data,
                       size_t(input.size()))
        != 1)
        return setError(QStringLiteral("RS256 signing failed"));
    sig.resize(qsizetype(len));
    return input + '.' + base64Url(sig);
}

QByteArray Jwt::clientAssertion(const QString &clientId, const QString &audience, qint64 nowSecs,
                                const QByteArray &pem, QString *error)
{
    QByteArray jti(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(jti.data()), 4);
    const QJsonObject claims{{QStringLiteral("iss"), clientId},
                             {QStringLiteral("sub"), clientId},
                             {QStringLiteral("aud"), audience},
                             {QStringLiteral("iat"), double(nowSecs)},
                             {QStringLiteral("exp"), double(nowSecs + 600)},
                             {QStringLiteral("jti"), QString::fromLatin1(jti.toHex())}};
    return signRs256(claims, pem, error);
}

} // namespace zc
