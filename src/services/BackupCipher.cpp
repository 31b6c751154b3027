#include "services/BackupCipher.h"

#include <QCoreApplication>
#include <QtEndian>
#include <sodium.h>

namespace zc {

namespace {
using namespace zc::backup;
using Stream = crypto_secretstream_xchacha20poly1305_state;

static_assert(SaltBytes == crypto_pwhash_SALTBYTES);
static_assert(StreamHeaderBytes == crypto_secretstream_xchacha20poly1305_HEADERBYTES);
constexpr int KeyBytes = crypto_secretstream_xchacha20poly1305_KEYBYTES;
constexpr int ABytes = crypto_secretstream_xchacha20poly1305_ABYTES;

QString tr(const char *s) { return QCoreApplication::translate("zc::BackupCipher", s); }

// The derived key and the stream state, in memory kept out of swap and wiped on the way out.
struct Secrets
{
    unsigned char key[KeyBytes];
    Stream state;
    Secrets()
    {
        sodium_mlock(this, sizeof *this);
    }
    ~Secrets() { sodium_munlock(this, sizeof *this); } // munlock zeroes the memory first
    Secrets(const Secrets &) = delete;
    Secrets &operator=(const Secrets &) = delete;
};

void zero(QByteArray &b)
{
    if (!b.isEmpty())
        sodium_memzero(b.data(), size_t(b.size()));
    b.clear();
}

bool derive(Secrets &s, const QByteArray &passphrase, const Header &h)
{
    return crypto_pwhash(s.key, KeyBytes, passphrase.constData(), quint64(passphrase.size()),
                         reinterpret_cast<const unsigned char *>(h.salt.constData()), h.opsLimit,
                         size_t(h.memLimitKiB) * 1024, crypto_pwhash_ALG_ARGON2ID13)
           == 0;
}

QByteArray push(Stream &st, const QByteArray &plain, unsigned char tag, const QByteArray &ad = {})
{
    QByteArray out(plain.size() + ABytes, Qt::Uninitialized);
    crypto_secretstream_xchacha20poly1305_push(
        &st, reinterpret_cast<unsigned char *>(out.data()), nullptr,
        reinterpret_cast<const unsigned char *>(plain.constData()), quint64(plain.size()),
        ad.isEmpty() ? nullptr : reinterpret_cast<const unsigned char *>(ad.constData()), quint64(ad.size()), tag);
    return out;
}

bool pull(Stream &st, const QByteArray &sealed, QByteArray *plain, unsigned char *tag, const QByteArray &ad = {})
{
    if (sealed.size() < ABytes)
        return false;
    plain->resize(sealed.size() - ABytes);
    return crypto_secretstream_xchacha20poly1305_pull(
               &st, reinterpret_cast<unsigned char *>(plain->data()), nullptr, tag,
               reinterpret_cast<const unsigned char *>(sealed.constData()), quint64(sealed.size()),
               ad.isEmpty() ? nullptr : reinterpret_cast<const unsigned char *>(ad.constData()), quint64(ad.size()))
           == 0;
}
} // namespace

QByteArray BackupCipher::seal(const Definitions &definitions, const QList<SecretRecord> &secrets,
                              const QByteArray &passphrase, const BackupKdf &kdf, QString *error)
{
    if (sodium_init() < 0) {
        *error = tr("libsodium could not start");
        return {};
    }
    Header h;
    h.opsLimit = kdf.opsLimit;
    h.memLimitKiB = kdf.memLimitKiB;
    h.salt = QByteArray(SaltBytes, Qt::Uninitialized);
    randombytes_buf(h.salt.data(), size_t(h.salt.size()));
    h.streamHeader = QByteArray(StreamHeaderBytes, Qt::Uninitialized);
    Secrets s;
    if (!derive(s, passphrase, h)) {
        *error = tr("the key could not be derived (not enough memory for Argon2id with %1 KiB)").arg(h.memLimitKiB);
        return {};
    }
    crypto_secretstream_xchacha20poly1305_init_push(&s.state, reinterpret_cast<unsigned char *>(h.streamHeader.data()), s.key);
    const QByteArray header = h.encode();
    QByteArray file = header;
    appendChunk(file, push(s.state, encodeDefinitions(definitions), crypto_secretstream_xchacha20poly1305_TAG_MESSAGE, header));
    for (const SecretRecord &r : secrets) {
        QByteArray plain = encodeSecret(r);
        appendChunk(file, push(s.state, plain, crypto_secretstream_xchacha20poly1305_TAG_MESSAGE));
        zero(plain);
    }
    const quint32 count = qToBigEndian(quint32(secrets.size()));
    appendChunk(file, push(s.state, QByteArray(reinterpret_cast<const char *>(&count), 4),
                           crypto_secretstream_xchacha20poly1305_TAG_FINAL));
    return file;
}

BackupCipher::Opened BackupCipher::open(const QByteArray &file, const QByteArray &passphrase)
{
    Opened o;
    const auto failed = [&o](ReadStatus st, const QString &why) {
        wipeAll(o.secrets);
        o.definitions = {};
        o.status = st;
        o.error = why.isEmpty() ? describe(st) : why;
        return o;
    };
    if (sodium_init() < 0)
        return failed(ReadStatus::Damaged, tr("libsodium could not start"));
    QString why;
    if (const ReadStatus st = parseHeader(file, &o.header, &why); st != ReadStatus::Ok)
        return failed(st, why);
    const QByteArray header = file.left(HeaderBytes);
    Secrets s;
    if (!derive(s, passphrase, o.header))
        return failed(ReadStatus::Damaged, tr("the key could not be derived (not enough memory for Argon2id with %1 KiB)")
                                               .arg(o.header.memLimitKiB));
    if (crypto_secretstream_xchacha20poly1305_init_pull(&s.state, reinterpret_cast<const unsigned char *>(o.header.streamHeader.constData()), s.key) != 0)
        return failed(ReadStatus::Damaged, {});
    qsizetype pos = HeaderBytes;
    QByteArray sealed, plain;
    unsigned char tag = 0;
    if (const ReadStatus st = readChunk(file, &pos, &sealed, &why); st != ReadStatus::Ok)
        return failed(st, why);
    if (!pull(s.state, sealed, &plain, &tag, header) || tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
        return failed(ReadStatus::WrongPassphraseOrDamaged, {});
    if (!decodeDefinitions(plain, &o.definitions, &why))
        return failed(ReadStatus::Damaged, why);
    for (;;) {
        if (const ReadStatus st = readChunk(file, &pos, &sealed, &why); st != ReadStatus::Ok)
            return failed(st, why);
        const bool good = pull(s.state, sealed, &plain, &tag);
        if (!good) {
            zero(plain);
            return failed(ReadStatus::Damaged, {});
        }
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
            const bool countOk = plain.size() == 4 && qFromBigEndian<quint32>(plain.constData()) == quint32(o.secrets.size());
            if (!countOk || pos != file.size())
                return failed(ReadStatus::Damaged, tr("the backup is damaged (its end does not match its records)"));
            break;
        }
        SecretRecord r;
        const bool decoded = tag == crypto_secretstream_xchacha20poly1305_TAG_MESSAGE && decodeSecret(plain, &r);
        zero(plain);
        if (!decoded)
            return failed(ReadStatus::Damaged, {});
        o.secrets.append(r);
    }
    o.status = ReadStatus::Ok;
    return o;
}

} // namespace zc
