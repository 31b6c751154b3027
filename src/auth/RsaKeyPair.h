#pragma once

#include <QByteArray>
#include <QString>

namespace zc {

// A fresh RSA key pair made with OpenSSL libcrypto (EVP_RSA_gen), for an oneapi-jwt profile whose
// public key is uploaded to ZIdentity: the private key as unencrypted PKCS#8 PEM (for the keychain
// only: wipe it after use), the public key as SubjectPublicKeyInfo PEM. No hand-written crypto.
struct RsaKeyPair
{
    QByteArray privatePem;
    QByteArray publicPem;
    QString error;

    bool ok() const { return error.isEmpty() && !privatePem.isEmpty() && !publicPem.isEmpty(); }
    void wipe();

    // Blocking (an RSA 3072 key takes up to a few hundred ms): run it off the GUI thread.
    static RsaKeyPair generate(int bits = 3072);
    // The SubjectPublicKeyInfo PEM of a private key's public half; empty if it is no key.
    static QByteArray publicOf(const QByteArray &privatePem);
    // Whether two PEM public keys are the same key (compared as DER, so line breaks do not matter).
    static bool samePublicKey(const QByteArray &a, const QByteArray &b);
    // Whether `pem` is one PEM public key ("BEGIN PUBLIC KEY", SubjectPublicKeyInfo) OpenSSL can read.
    static bool isPublicKeyPem(const QByteArray &pem);
};

} // namespace zc
