#include "core/BackupFormat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

namespace zc::backup {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("zc::backup", s); }

void putU16(QByteArray &b, quint16 v)
{
    const quint16 be = qToBigEndian(v);
    b.append(reinterpret_cast<const char *>(&be), 2);
}
void putU32(QByteArray &b, quint32 v)
{
    const quint32 be = qToBigEndian(v);
    b.append(reinterpret_cast<const char *>(&be), 4);
}
quint16 getU16(const char *p) { return qFromBigEndian<quint16>(p); }
quint32 getU32(const char *p) { return qFromBigEndian<quint32>(p); }

void wipeBytes(QByteArray &b)
{
    if (b.isEmpty())
        return;
    volatile char *p = b.data(); // (a shared buffer detaches first: keep secrets unshared)
    for (qsizetype i = 0; i < b.size(); ++i)
        p[i] = 0;
    b.clear();
}
} // namespace

QByteArray Header::encode() const
{
    QByteArray b;
    b.reserve(HeaderBytes);
    b.append(Magic, 8);
    putU16(b, quint16(version));
    b.append(char(kdf));
    b.append(char(cipher));
    putU32(b, opsLimit);
    putU32(b, memLimitKiB);
    b.append(salt.left(SaltBytes).leftJustified(SaltBytes, '\0'));
    b.append(streamHeader.left(StreamHeaderBytes).leftJustified(StreamHeaderBytes, '\0'));
    return b;
}

ReadStatus parseHeader(const QByteArray &file, Header *out, QString *error)
{
    if (file.size() < 8 || !file.startsWith(QByteArray(Magic, 8))) {
        *error = tr("not a zconsole backup (it does not start with ZCBACKUP)");
        return ReadStatus::NotABackup;
    }
    if (file.size() < 10) {
        *error = describe(ReadStatus::Truncated);
        return ReadStatus::Truncated;
    }
    const char *p = file.constData();
    out->version = getU16(p + 8);
    if (out->version != FormatVersion) {
        *error = tr("the backup has format version %1; this zconsole reads version %2 (a newer zconsole wrote it?)")
                     .arg(out->version)
                     .arg(FormatVersion);
        return out->version > FormatVersion ? ReadStatus::NewerVersion : ReadStatus::Damaged;
    }
    if (file.size() < HeaderBytes) {
        *error = describe(ReadStatus::Truncated);
        return ReadStatus::Truncated;
    }
    out->kdf = quint8(p[10]);
    out->cipher = quint8(p[11]);
    if (out->kdf != KdfArgon2id || out->cipher != CipherSecretStream) {
        *error = tr("the backup uses key derivation %1 and cipher %2, which this zconsole does not know "
                    "(a newer zconsole wrote it?)")
                     .arg(out->kdf)
                     .arg(out->cipher);
        return ReadStatus::NewerVersion;
    }
    out->opsLimit = getU32(p + 12);
    out->memLimitKiB = getU32(p + 16);
    if (out->opsLimit < 1 || out->opsLimit > MaxOpsLimit || out->memLimitKiB < 8 || out->memLimitKiB > MaxMemLimitKiB) {
        *error = tr("the backup's header is damaged (key derivation parameters %1 / %2 KiB are out of bounds)")
                     .arg(out->opsLimit)
                     .arg(out->memLimitKiB);
        return ReadStatus::Damaged;
    }
    out->salt = file.mid(20, SaltBytes);
    out->streamHeader = file.mid(20 + SaltBytes, StreamHeaderBytes);
    return ReadStatus::Ok;
}

ReadStatus readChunk(const QByteArray &file, qsizetype *pos, QByteArray *chunk, QString *error)
{
    if (file.size() - *pos < 4) {
        *error = describe(ReadStatus::Truncated);
        return ReadStatus::Truncated;
    }
    const quint32 n = getU32(file.constData() + *pos);
    if (n > MaxChunkBytes) {
        *error = describe(ReadStatus::Damaged);
        return ReadStatus::Damaged;
    }
    if (file.size() - *pos - 4 < qsizetype(n)) {
        *error = describe(ReadStatus::Truncated);
        return ReadStatus::Truncated;
    }
    *chunk = file.mid(*pos + 4, n);
    *pos += 4 + n;
    return ReadStatus::Ok;
}

void appendChunk(QByteArray &file, const QByteArray &sealed)
{
    putU32(file, quint32(sealed.size()));
    file.append(sealed);
}

void SecretRecord::wipe() { wipeBytes(value); }

void wipeAll(QList<SecretRecord> &records)
{
    for (SecretRecord &r : records)
        r.wipe();
    records.clear();
}

QByteArray encodeSecret(const SecretRecord &record)
{
    const QByteArray id = record.clientId.toLatin1();
    QByteArray b;
    const qsizetype raw = 1 + 2 + id.size() + 4 + record.value.size();
    b.reserve((raw + 63) / 64 * 64);
    b.append(char(record.field));
    putU16(b, quint16(id.size()));
    b.append(id);
    putU32(b, quint32(record.value.size()));
    b.append(record.value);
    b.append(QByteArray((raw + 63) / 64 * 64 - raw, '\0'));
    return b;
}

bool decodeSecret(const QByteArray &bytes, SecretRecord *out)
{
    if (bytes.size() < 7)
        return false;
    const char *p = bytes.constData();
    const int field = quint8(p[0]);
    if (field > int(SecretField::PrivateKey))
        return false;
    const quint16 idLen = getU16(p + 1);
    if (bytes.size() < 3 + idLen + 4)
        return false;
    const quint32 valueLen = getU32(p + 3 + idLen);
    if (qsizetype(valueLen) > bytes.size() - 7 - idLen)
        return false;
    out->field = SecretField(field);
    out->clientId = QString::fromLatin1(p + 3, idLen);
    out->value = QByteArray(p + 7 + idLen, qsizetype(valueLen));
    return true;
}

QByteArray encodeDefinitions(const Definitions &d)
{
    QJsonArray tenants, clients;
    for (const Tenant &t : d.tenants)
        tenants.append(t.toJson());
    for (const ApiClient &c : d.clients)
        clients.append(c.toJson());
    QJsonObject o{{QStringLiteral("format"), QStringLiteral("zconsole-backup")},
                  {QStringLiteral("tenants"), tenants},
                  {QStringLiteral("clients"), clients}};
    if (!d.settings.isEmpty())
        o.insert(QStringLiteral("settings"), QString::fromUtf8(d.settings));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool decodeDefinitions(const QByteArray &bytes, Definitions *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    const QJsonObject o = doc.object();
    if (!doc.isObject() || o.value(QStringLiteral("format")).toString() != QLatin1String("zconsole-backup")) {
        *error = tr("the backup's definitions are not readable");
        return false;
    }
    for (const QJsonValue &v : o.value(QStringLiteral("tenants")).toArray())
        out->tenants.append(Tenant::fromJson(v.toObject()));
    for (const QJsonValue &v : o.value(QStringLiteral("clients")).toArray())
        out->clients.append(ApiClient::fromJson(v.toObject()));
    out->settings = o.value(QStringLiteral("settings")).toString().toUtf8();
    return true;
}

QString describe(ReadStatus status)
{
    switch (status) {
    case ReadStatus::Ok: return {};
    case ReadStatus::NotABackup: return tr("not a zconsole backup");
    case ReadStatus::Truncated: return tr("the backup is truncated (it ends before its last record)");
    case ReadStatus::NewerVersion: return tr("the backup was written by a newer zconsole");
    case ReadStatus::Damaged: return tr("the backup is damaged (a record does not authenticate)");
    case ReadStatus::WrongPassphraseOrDamaged: return tr("wrong passphrase, or the backup was altered");
    }
    return {};
}

} // namespace zc::backup
