#include "auth/RsaKeyPair.h"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <memory>

namespace zc {

namespace {
struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};
struct PkeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    QByteArray out(data, int(n));
    if (n > 0)
        OPENSSL_cleanse(data, size_t(n));
    return out;
}
} // namespace

void RsaKeyPair::wipe()
{
    if (!privatePem.isEmpty()) {
        privatePem.detach();
        OPENSSL_cleanse(privatePem.data(), size_t(privatePem.size()));
    }
    privatePem.clear();
}

RsaKeyPair RsaKeyPair::generate(int bits)
{
    RsaKeyPair out;
    if (bits < 2048) {
        out.error = QStringLiteral("an RSA key needs at least 2048 bits");
        return out;
    }
    std::unique_ptr<EVP_PKEY, PkeyFree> key(EVP_RSA_gen(unsigned(bits)));
    if (!key) {
        out.error = QStringLiteral("OpenSSL could not make an RSA key");
        return out;
    }
    std::unique_ptr<BIO, BioFree> priv(BIO_new(BIO_s_mem()));
    std::unique_ptr<BIO, BioFree> pub(BIO_new(BIO_s_mem()));
    if (!priv || !pub || PEM_write_bio_PrivateKey(priv.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1
        || PEM_write_bio_PUBKEY(pub.get(), key.get()) != 1) {
        out.error = QStringLiteral("OpenSSL could not write the RSA key as PEM");
        return out;
    }
    out.privatePem = drain(priv.get());
    out.publicPem = drain(pub.get());
    return out;
}

namespace {
int noPassphrase(char *, int, int, void *) { return -1; }

QByteArray der(const QByteArray &pem)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    std::unique_ptr<EVP_PKEY, PkeyFree> key(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, noPassphrase, nullptr) : nullptr);
    if (!key)
        return {};
    unsigned char *buf = nullptr;
    const int n = i2d_PUBKEY(key.get(), &buf);
    QByteArray out = n > 0 ? QByteArray(reinterpret_cast<const char *>(buf), n) : QByteArray();
    OPENSSL_free(buf);
    return out;
}
} // namespace

QByteArray RsaKeyPair::publicOf(const QByteArray &privatePem)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(privatePem.constData(), int(privatePem.size())));
    std::unique_ptr<EVP_PKEY, PkeyFree> key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr) : nullptr);
    if (!key)
        return {};
    std::unique_ptr<BIO, BioFree> pub(BIO_new(BIO_s_mem()));
    if (!pub || PEM_write_bio_PUBKEY(pub.get(), key.get()) != 1)
        return {};
    return drain(pub.get());
}

bool RsaKeyPair::samePublicKey(const QByteArray &a, const QByteArray &b)
{
    const QByteArray da = der(a);
    return !da.isEmpty() && da == der(b);
}

bool RsaKeyPair::isPublicKeyPem(const QByteArray &pem) { return pem.size() < 64 * 1024 && !der(pem).isEmpty(); }

} // namespace zc
