#pragma once

#include "core/BackupFormat.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace zc {

// Argon2id cost of a backup's key. The parameters go into the file's header, so a later
// version may raise them and still read older files.
struct BackupKdf
{
    quint32 opsLimit = 3;              // crypto_pwhash_OPSLIMIT_MODERATE
    quint32 memLimitKiB = 256u * 1024; // crypto_pwhash_MEMLIMIT_MODERATE (256 MiB)
};

// Seals and opens a credential-set backup (layout: core/BackupFormat) with libsodium: the key
// from the passphrase with Argon2id (crypto_pwhash), the data with the XChaCha20-Poly1305
// secretstream (each chunk authenticated, the header as the first chunk's additional data, the
// last chunk tagged final so a truncated file is told apart). The key and the state live in
// locked memory and are wiped; so is every plaintext chunk that held a secret.
class BackupCipher
{
public:
    // Empty + *error when libsodium cannot start or the key cannot be derived (memory).
    static QByteArray seal(const backup::Definitions &definitions, const QList<backup::SecretRecord> &secrets,
                           const QByteArray &passphrase, const BackupKdf &kdf, QString *error);

    struct Opened
    {
        backup::ReadStatus status = backup::ReadStatus::Damaged;
        QString error; // for people, when status is not Ok
        backup::Header header;
        backup::Definitions definitions;
        QList<backup::SecretRecord> secrets; // wipe when done (backup::wipeAll)
        bool ok() const { return status == backup::ReadStatus::Ok; }
    };
    // Reads everything or nothing: on any failure no definition and no secret is returned.
    static Opened open(const QByteArray &file, const QByteArray &passphrase);
};

} // namespace zc
