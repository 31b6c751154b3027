#include "sim/Crypto.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <memory>

namespace zsim::crypto {

namespace {

struct BioFree { void operator()(BIO *b) const { BIO_free(b); } };
struct PkeyFree { void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); } };
struct X509Free { void operator()(X509 *x) const { X509_free(x); } };
struct MdCtxFree { void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); } };
using BioPtr = std::unique_ptr<BIO, BioFree>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;

QString lastSslError()
{
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    if (!e)
        return QStringLiteral("unknown OpenSSL error");
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    return QString::fromLatin1(buf);
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, len);
}

BioPtr memBio(const QByteArray &data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), int(data.size())));
}

PkeyPtr loadAnyPublicKey(const QByteArray &pem)
{
    if (pem.contains("BEGIN CERTIFICATE")) {
        BioPtr bio = memBio(pem);
        std::unique_ptr<X509, X509Free> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
        return PkeyPtr(cert ? X509_get_pubkey(cert.get()) : nullptr);
    }
    if (pem.contains("PRIVATE KEY")) {
        BioPtr bio = memBio(pem);
        return PkeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    }
    BioPtr bio = memBio(pem);
    return PkeyPtr(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
}

} // namespace

QByteArray randomBytes(int n)
{
    QByteArray out(n, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), n) != 1)
        qFatal("zsim: RAND_bytes failed");
    return out;
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool base64UrlDecode(const QByteArray &text, QByteArray *out)
{
    const auto r = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return false;
    *out = r.decoded;
    return true;
}

bool generateRsaKeyPair(QByteArray *privatePem, QByteArray *publicPem, QString *error)
{
    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048)));
    if (!key) {
        *error = lastSslError();
        return false;
    }
    BioPtr priv(BIO_new(BIO_s_mem()));
    BioPtr pub(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PrivateKey(priv.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1
        || PEM_write_bio_PUBKEY(pub.get(), key.get()) != 1) {
        *error = lastSslError();
        return false;
    }
    *privatePem = bioContents(priv.get());
    *publicPem = bioContents(pub.get());
    return true;
}

QByteArray rsaPublicKeyPem(const QByteArray &pem, QString *error)
{
    PkeyPtr key = loadAnyPublicKey(pem);
    if (!key) {
        *error = QStringLiteral("not a PEM public key, certificate or private key");
        ERR_clear_error();
        return {};
    }
    if (!EVP_PKEY_is_a(key.get(), "RSA") || EVP_PKEY_get_bits(key.get()) < 2048) {
        *error = QStringLiteral("the key must be RSA with at least 2048 bits");
        return {};
    }
    BioPtr pub(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PUBKEY(pub.get(), key.get()) != 1) {
        *error = lastSslError();
        return {};
    }
    return bioContents(pub.get());
}

bool verifyRs256(const QByteArray &publicPem, const QByteArray &signingInput,
                 const QByteArray &signature, QString *error)
{
    PkeyPtr key = loadAnyPublicKey(publicPem);
    if (!key) {
        *error = QStringLiteral("the registered public key cannot be read");
        ERR_clear_error();
        return false;
    }
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1) {
        *error = lastSslError();
        return false;
    }
    const int rc = EVP_DigestVerify(ctx.get(),
                                    reinterpret_cast<const unsigned char *>(signature.constData()),
                                    size_t(signature.size()),
                                    reinterpret_cast<const unsigned char *>(signingInput.constData()),
                                    size_t(signingInput.size()));
    ERR_clear_error();
    if (rc != 1) {
        *error = QStringLiteral("signature verification failed");
        return false;
    }
    return true;
}

QByteArray makeHs256Jwt(const QJsonObject &payload, const QByteArray &key)
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("kid"), QStringLiteral("zsim")}};
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QByteArray sig = QMessageAuthenticationCode::hash(input, key, QCryptographicHash::Sha256);
    return input + '.' + base64Url(sig);
}

bool splitJwt(const QByteArray &jwt, JwtParts *out)
{
    const QList<QByteArray> parts = jwt.trimmed().split('.');
    if (parts.size() != 3)
        return false;
    QByteArray h, p, s;
    if (!base64UrlDecode(parts[0], &h) || !base64UrlDecode(parts[1], &p)
        || !base64UrlDecode(parts[2], &s))
        return false;
    const QJsonDocument hd = QJsonDocument::fromJson(h);
    const QJsonDocument pd = QJsonDocument::fromJson(p);
    if (!hd.isObject() || !pd.isObject())
        return false;
    out->header = hd.object();
    out->payload = pd.object();
    out->signingInput = parts[0] + '.' + parts[1];
    out->signature = s;
    return true;
}

QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

} // namespace zsim::crypto
