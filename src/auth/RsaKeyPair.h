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
};

} // namespace zc
