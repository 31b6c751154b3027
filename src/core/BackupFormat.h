#pragma once

#include "core/ApiClient.h"
#include "core/AuthKind.h"
#include "core/Tenant.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace zc::backup {

// The layout of an encrypted credential-set backup (`zconsole-cli backup create`), without the
// cryptography (services/BackupCipher seals and opens it with libsodium):
//
//   header (60 bytes, in clear; the additional data of the first chunk)
//     "ZCBACKUP"  magic
//     u16         format version (1)
//     u8          key derivation: 1 = Argon2id v1.3 (crypto_pwhash)
//     u8          cipher: 1 = XChaCha20-Poly1305 secretstream
//     u32         Argon2 opslimit
//     u32         Argon2 memlimit in KiB
//     16 bytes    salt
//     24 bytes    secretstream header
//   chunks, each: u32 length of the sealed chunk, then the sealed chunk
//     1st         the definitions: JSON of tenants, clients (no secret) and settings
//     then        one secret each (see encodeSecret), padded to a multiple of 64 bytes
//     last        tagged final: the number of secrets (u32)
// All integers big-endian. A newer version raises the version or the KDF parameters; readers
// refuse a version they do not know instead of guessing.
inline constexpr char Magic[] = "ZCBACKUP";
inline constexpr int FormatVersion = 1;
inline constexpr int KdfArgon2id = 1;
inline constexpr int CipherSecretStream = 1;
inline constexpr int SaltBytes = 16;
inline constexpr int StreamHeaderBytes = 24;
inline constexpr int HeaderBytes = 8 + 2 + 1 + 1 + 4 + 4 + SaltBytes + StreamHeaderBytes;
inline constexpr quint32 MaxChunkBytes = 64u * 1024 * 1024;
// Sanity bounds on a header's KDF parameters: a damaged header never makes us derive for minutes.
inline constexpr quint32 MaxOpsLimit = 16;
inline constexpr quint32 MaxMemLimitKiB = 1024u * 1024; // 1 GiB

struct Header
{
    int version = FormatVersion;
    int kdf = KdfArgon2id;
    int cipher = CipherSecretStream;
    quint32 opsLimit = 0;
    quint32 memLimitKiB = 0;
    QByteArray salt;         // SaltBytes
    QByteArray streamHeader; // StreamHeaderBytes

    QByteArray encode() const;
};

enum class ReadStatus {
    Ok,
    NotABackup,   // no magic: some other file
    Truncated,    // ends before the header, a chunk or the final chunk
    NewerVersion, // a format version, KDF or cipher this build does not know
    Damaged,      // a header value out of bounds, a chunk that does not authenticate, extra bytes
    WrongPassphraseOrDamaged, // the first chunk does not authenticate
};

// Parses the header at the start of `file`; on failure *error says why, for people.
ReadStatus parseHeader(const QByteArray &file, Header *out, QString *error);
// "a u32 length, then that many bytes" at *pos; advances *pos. Truncated when the file ends first.
ReadStatus readChunk(const QByteArray &file, qsizetype *pos, QByteArray *chunk, QString *error);
void appendChunk(QByteArray &file, const QByteArray &sealed);

// One secret of one client. Wipe the value when done.
struct SecretRecord
{
    QString clientId;
    SecretField field = SecretField::Secret;
    QByteArray value;
    void wipe();
};
void wipeAll(QList<SecretRecord> &records);

// u8 field | u16 id length | id (ASCII) | u32 value length | value | zero padding to 64n.
QByteArray encodeSecret(const SecretRecord &record);
bool decodeSecret(const QByteArray &bytes, SecretRecord *out);

struct Definitions
{
    QList<Tenant> tenants;
    QList<ApiClient> clients;
    QByteArray settings; // the GUI's settings file (zconsole-ui.ini), as it was; empty = none
};
QByteArray encodeDefinitions(const Definitions &d);
bool decodeDefinitions(const QByteArray &bytes, Definitions *out, QString *error);

// "the backup is truncated", … for an error message.
QString describe(ReadStatus status);

} // namespace zc::backup
