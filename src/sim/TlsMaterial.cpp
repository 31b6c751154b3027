#include "sim/TlsMaterial.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>

namespace zsim {

namespace {

struct BioFree { void operator()(BIO *b) const { BIO_free(b); } };
struct PkeyFree { void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); } };
struct X509Free { void operator()(X509 *x) const { X509_free(x); } };
struct BnFree { void operator()(BIGNUM *b) const { BN_free(b); } };
using BioPtr = std::unique_ptr<BIO, BioFree>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;

constexpr long kDay = 86400;

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data, bool secret, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    if (secret)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(data);
    if (!f.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

X509Ptr parseCert(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

PkeyPtr parseKey(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return PkeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

QByteArray toCertPem(X509 *x)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), x);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, len);
}

QByteArray toKeyPem(EVP_PKEY *k)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), k, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, len);
}

bool validForADay(X509 *x)
{
    time_t t = std::time(nullptr) + kDay;
    return X509_cmp_time(X509_get0_notAfter(x), &t) > 0
        && X509_cmp_current_time(X509_get0_notBefore(x)) < 0;
}

bool addExt(X509 *x, X509V3_CTX *ctx, int nid, const char *value)
{
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, ctx, nid, value);
    if (!ext)
        return false;
    const int ok = X509_add_ext(x, ext, -1);
    X509_EXTENSION_free(ext);
    return ok == 1;
}

// Builds and signs a certificate. issuer == nullptr makes a self-signed CA.
X509Ptr makeCert(EVP_PKEY *subjectKey, const char *cn, long days, X509 *issuer, EVP_PKEY *signKey)
{
    X509Ptr x(X509_new());
    if (!x)
        return nullptr;
    X509_set_version(x.get(), 2);
    std::unique_ptr<BIGNUM, BnFree> serial(BN_new());
    BN_rand(serial.get(), 63, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY);
    BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(x.get()));
    X509_gmtime_adj(X509_getm_notBefore(x.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x.get()), days * kDay);
    X509_set_pubkey(x.get(), subjectKey);
    X509_NAME *name = X509_get_subject_name(x.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("zconsole simulator"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>(cn), -1, -1, 0);
    X509_set_issuer_name(x.get(), issuer ? X509_get_subject_name(issuer) : name);

    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer ? issuer : x.get(), x.get(), nullptr, nullptr, 0);
    bool ok = addExt(x.get(), &ctx, NID_subject_key_identifier, "hash");
    if (issuer) {
        ok = ok && addExt(x.get(), &ctx, NID_basic_constraints, "critical,CA:FALSE")
            && addExt(x.get(), &ctx, NID_key_usage, "critical,digitalSignature,keyAgreement")
            && addExt(x.get(), &ctx, NID_ext_key_usage, "serverAuth")
            && addExt(x.get(), &ctx, NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost")
            && addExt(x.get(), &ctx, NID_authority_key_identifier, "keyid:always");
    } else {
        ok = ok && addExt(x.get(), &ctx, NID_basic_constraints, "critical,CA:TRUE,pathlen:0")
            && addExt(x.get(), &ctx, NID_key_usage, "critical,keyCertSign,cRLSign");
    }
    if (!ok || X509_sign(x.get(), signKey, EVP_sha256()) <= 0)
        return nullptr;
    return x;
}

PkeyPtr newEcKey()
{
    return PkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

} // namespace

bool TlsMaterial::loadOrCreate(const QString &dir, TlsMaterial *out, QString *error)
{
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create the state folder %1").arg(dir);
        return false;
    }
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString caPath = dir + QStringLiteral("/ca.pem");
    const QString caKeyPath = dir + QStringLiteral("/ca-key.pem");
    const QString certPath = dir + QStringLiteral("/server.pem");
    const QString keyPath = dir + QStringLiteral("/server-key.pem");

    X509Ptr ca = parseCert(readFile(caPath));
    PkeyPtr caKey = parseKey(readFile(caKeyPath));
    const bool caOk = ca && caKey && X509_check_ca(ca.get()) && validForADay(ca.get())
        && X509_check_private_key(ca.get(), caKey.get()) == 1;
    ERR_clear_error();
    out->reused = caOk;
    if (!caOk) {
        caKey = newEcKey();
        ca = caKey ? makeCert(caKey.get(), "zconsole simulator CA", 3650, nullptr, caKey.get()) : nullptr;
        if (!ca || !writeFile(caKeyPath, toKeyPem(caKey.get()), true, error)
            || !writeFile(caPath, toCertPem(ca.get()), false, error)) {
            if (error->isEmpty())
                *error = QStringLiteral("cannot create the simulator CA");
            return false;
        }
    }

    X509Ptr leaf = parseCert(readFile(certPath));
    PkeyPtr leafKey = parseKey(readFile(keyPath));
    const bool leafOk = caOk && leaf && leafKey && validForADay(leaf.get())
        && X509_verify(leaf.get(), X509_get0_pubkey(ca.get())) == 1
        && X509_check_private_key(leaf.get(), leafKey.get()) == 1
        && X509_check_ip_asc(leaf.get(), "127.0.0.1", 0) == 1;
    ERR_clear_error();
    if (!leafOk) {
        out->reused = false;
        leafKey = newEcKey();
        leaf = leafKey ? makeCert(leafKey.get(), "127.0.0.1", 397, ca.get(), caKey.get()) : nullptr;
        if (!leaf || !writeFile(keyPath, toKeyPem(leafKey.get()), true, error)
            || !writeFile(certPath, toCertPem(leaf.get()), false, error)) {
            if (error->isEmpty())
                *error = QStringLiteral("cannot create the simulator server certificate");
            return false;
        }
    }
    out->caPem = toCertPem(ca.get());
    out->certPem = toCertPem(leaf.get());
    out->keyPem = toKeyPem(leafKey.get());
    out->caPath = caPath;
    return true;
}

} // namespace zsim
