#include "store/AuditLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QRegularExpression>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace zc {

namespace {

const QString kRedacted = QStringLiteral("[redacted]");

bool looksSecretValue(const QString &s)
{
    static const QRegularExpression jwt(QStringLiteral("^eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*$"));
    if (s.size() < 20)
        return false;
    if (s.contains(QStringLiteral("PRIVATE KEY")) || s.startsWith(QStringLiteral("Bearer "), Qt::CaseInsensitive)
        || s.startsWith(QStringLiteral("Basic "), Qt::CaseInsensitive))
        return true;
    return jwt.match(s).hasMatch();
}

QJsonValue optional(const QJsonObject &o, const char *key)
{
    return o.contains(QLatin1StringView(key)) ? o.value(QLatin1StringView(key)) : QJsonValue(QJsonValue::Undefined);
}

} // namespace

QJsonObject AuditLog::toJson(const AuditRecord &r)
{
    QJsonObject o{{QStringLiteral("time"), r.time.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("tenant"), QJsonObject{{QStringLiteral("id"), r.tenantId}, {QStringLiteral("name"), r.tenantName}}},
                  {QStringLiteral("client"), r.client},
                  {QStringLiteral("action"), r.action},
                  {QStringLiteral("objectType"), r.objectType},
                  {QStringLiteral("objectId"), r.objectId},
                  {QStringLiteral("objectName"), r.objectName}};
    if (!r.before.isUndefined())
        o.insert(QStringLiteral("before"), redact(r.before));
    if (!r.after.isUndefined())
        o.insert(QStringLiteral("after"), redact(r.after));
    if (!r.result.isEmpty())
        o.insert(QStringLiteral("result"), r.result);
    return o;
}

bool AuditLog::fromJson(const QJsonObject &o, AuditRecord *out)
{
    AuditRecord r;
    r.time = QDateTime::fromString(o.value(QLatin1StringView("time")).toString(), Qt::ISODateWithMs);
    r.action = o.value(QLatin1StringView("action")).toString();
    if (!r.time.isValid() || r.action.isEmpty())
        return false;
    r.time = r.time.toUTC();
    const QJsonObject tenant = o.value(QLatin1StringView("tenant")).toObject();
    r.tenantId = tenant.value(QLatin1StringView("id")).toString();
    r.tenantName = tenant.value(QLatin1StringView("name")).toString();
    r.client = o.value(QLatin1StringView("client")).toString();
    r.objectType = o.value(QLatin1StringView("objectType")).toString();
    r.objectId = o.value(QLatin1StringView("objectId")).toString();
    r.objectName = o.value(QLatin1StringView("objectName")).toString();
    r.before = optional(o, "before");
    r.after = optional(o, "after");
    r.result = o.value(QLatin1StringView("result")).toString();
    *out = r;
    return true;
}

AuditLog::AuditLog(const QString &configDir)
    : m_path(QDir(configDir).filePath(QLatin1String(FileName)))
{
}

bool AuditLog::isSecretKey(const QString &key)
{
    QString k = key.toLower();
    k.remove(QLatin1Char('_')).remove(QLatin1Char('-')).remove(QLatin1Char('.'));
    static const char *const parts[] = {"secret",    "password",  "passwd",    "apikey",  "token",
                                        "privatekey", "assertion", "authorization", "cookie", "jsessionid",
                                        "credential", "passphrase"};
    return std::any_of(std::begin(parts), std::end(parts),
                       [&k](const char *p) { return k.contains(QLatin1StringView(p)); });
}

QJsonValue AuditLog::redact(const QJsonValue &v)
{
    if (v.isObject()) {
        QJsonObject in = v.toObject();
        QJsonObject out;
        for (auto it = in.constBegin(); it != in.constEnd(); ++it)
            if (!isSecretKey(it.key()))
                out.insert(it.key(), redact(it.value()));
        return out;
    }
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &e : v.toArray())
            out.append(redact(e));
        return out;
    }
    if (v.isString() && looksSecretValue(v.toString()))
        return kRedacted;
    return v;
}

bool AuditLog::append(const AuditRecord &record, QString *error)
{
    auto fail = [error](const QString &m) {
        if (error)
            *error = m;
        return false;
    };
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(QObject::tr("Cannot create the folder %1").arg(info.absolutePath()));

    QByteArray line = QJsonDocument(toJson(record)).toJson(QJsonDocument::Compact);
    line.append('\n');

    QFile f(m_path);
    // Created with 0600 from the first byte; O_APPEND puts every write at the end, also when
    // another process appends at the same time.
    if (!f.open(QIODevice::ReadWrite | QIODevice::Append | QIODevice::Unbuffered,
                QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return fail(QObject::tr("Cannot open the audit log %1: %2").arg(m_path, f.errorString()));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const qint64 size = f.size();
    if (size > 0 && f.seek(size - 1)) {
        char last = '\n';
        if (f.read(&last, 1) == 1 && last != '\n')
            line.prepend('\n'); // the previous append was cut: start on a fresh line
    }
    const qint64 written = f.write(line); // one write() of the whole line
    if (written != line.size())
        return fail(QObject::tr("Writing the audit log %1 failed: %2").arg(m_path, f.errorString()));
    f.flush();
#ifdef Q_OS_UNIX
    ::fsync(f.handle());
#endif
    return true;
}

AuditLog::ReadResult AuditLog::read(const Filter &filter) const
{
    ReadResult r;
    QFile f(m_path);
    if (!f.exists())
        return r;
    if (!f.open(QIODevice::ReadOnly)) {
        r.ok = false;
        r.error = QObject::tr("Cannot read the audit log %1: %2").arg(m_path, f.errorString());
        return r;
    }
    const QByteArray all = f.readAll();
    qsizetype start = 0;
    while (start < all.size()) {
        qsizetype end = all.indexOf('\n', start);
        if (end < 0)
            end = all.size();
        const QByteArrayView line = QByteArrayView(all).sliced(start, end - start).trimmed();
        start = end + 1;
        if (line.isEmpty())
            continue;
        ++r.totalLines;
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &err);
        AuditRecord rec;
        if (err.error != QJsonParseError::NoError || !doc.isObject() || !fromJson(doc.object(), &rec)) {
            ++r.damagedLines;
            continue;
        }
        if (!filter.tenantId.isEmpty() && rec.tenantId != filter.tenantId && rec.tenantName != filter.tenantId)
            continue;
        if (!filter.objectType.isEmpty() && rec.objectType != filter.objectType)
            continue;
        if (!filter.objectId.isEmpty() && rec.objectId != filter.objectId)
            continue;
        if (!filter.action.isEmpty() && rec.action != filter.action)
            continue;
        r.records.append(rec);
    }
    std::reverse(r.records.begin(), r.records.end()); // appended in order: newest last
    if (filter.limit > 0 && r.records.size() > filter.limit)
        r.records.resize(filter.limit);
    return r;
}

} // namespace zc
