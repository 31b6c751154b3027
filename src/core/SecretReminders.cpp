#include "core/SecretReminders.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>

namespace zc {

int KnownSecret::daysLeft(const QDateTime &now) const
{
    if (!expiresAt.isValid())
        return INT_MAX;
    const qint64 secs = now.secsTo(expiresAt);
    // Rounded down, also below zero: expired an hour ago is day -1.
    return int(secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400));
}

namespace {

// The first moment at which daysLeft(now) <= leadDays holds for sure.
QDateTime crossing(const KnownSecret &s, int leadDays)
{
    return s.expiresAt.addSecs(-qint64(leadDays + 1) * 86400 + 1);
}

bool dueFor(const KnownSecret &s, const QList<int> &leads, const QDateTime &now, const QSet<QString> &told,
            Reminder *out)
{
    if (!s.expiresAt.isValid())
        return false;
    const int left = s.daysLeft(now);
    QList<int> crossed; // loosest first
    for (int lead : leads)
        if (left <= lead)
            crossed.append(lead);
    if (s.isExpired(now))
        crossed.append(0);
    if (crossed.isEmpty() || told.contains(SecretReminders::key(s, crossed.last())))
        return false;
    if (out) {
        out->secret = s;
        out->leadDays = crossed.last();
        out->keys.clear();
        for (int lead : crossed) {
            const QString k = SecretReminders::key(s, lead);
            if (!told.contains(k))
                out->keys.append(k);
        }
    }
    return true;
}

} // namespace

QList<int> SecretReminders::defaultLeadDays() { return {30, 7, 1}; }

QList<int> SecretReminders::normalized(QList<int> leadDays)
{
    leadDays.removeIf([](int d) { return d < MinLeadDays || d > MaxLeadDays; });
    std::sort(leadDays.begin(), leadDays.end(), std::greater<int>());
    leadDays.erase(std::unique(leadDays.begin(), leadDays.end()), leadDays.end());
    return leadDays;
}

QList<int> SecretReminders::parseLeadDays(const QString &setting, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return QList<int>();
    };
    const QString trimmed = setting.trimmed();
    if (trimmed.isEmpty())
        return fail(QCoreApplication::translate("zc", "no lead time given (e.g. \"30,7,1\")"));
    QList<int> out;
    for (const QString &part : trimmed.split(QLatin1Char(','))) {
        bool ok = false;
        const int d = part.trimmed().toInt(&ok);
        if (!ok)
            return fail(QCoreApplication::translate("zc", "\"%1\" is not a number of days").arg(part.trimmed()));
        if (d < MinLeadDays || d > MaxLeadDays)
            return fail(QCoreApplication::translate("zc", "a lead time of %1 days is outside %2–%3")
                            .arg(d)
                            .arg(MinLeadDays)
                            .arg(MaxLeadDays));
        out.append(d);
    }
    if (error)
        error->clear();
    return normalized(out);
}

QString SecretReminders::formatLeadDays(const QList<int> &leadDays)
{
    QStringList parts;
    for (int d : leadDays)
        parts.append(QString::number(d));
    return parts.join(QLatin1Char(','));
}

QString SecretReminders::secretKey(const KnownSecret &s)
{
    const QString which = s.secretId.isEmpty()
                              ? QStringLiteral("p:%1@%2").arg(s.profileId).arg(s.expiresAt.toSecsSinceEpoch())
                              : QStringLiteral("s:") + s.secretId;
    return s.tenantId + QLatin1Char('/') + s.clientId + QLatin1Char('/') + which;
}

QString SecretReminders::key(const KnownSecret &s, int leadDays)
{
    return secretKey(s) + QLatin1Char('/') + QString::number(leadDays);
}

QString SecretReminders::secretKeyOf(const QString &key)
{
    const qsizetype slash = key.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? key : key.left(slash);
}

QString SecretReminders::tenantOfKey(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : key.left(slash);
}

bool SecretReminders::isLocalKey(const QString &key)
{
    const QString secret = secretKeyOf(key);
    const qsizetype slash = secret.lastIndexOf(QLatin1Char('/'));
    return slash >= 0 && QStringView(secret).mid(slash + 1).startsWith(QLatin1String("p:"));
}

QList<Reminder> SecretReminders::due(const QList<KnownSecret> &secrets, const QList<int> &leadDays,
                                     const QDateTime &now, const QSet<QString> &told)
{
    const QList<int> leads = normalized(leadDays);
    QList<Reminder> out;
    QSet<QString> seen; // one reminder per key even if a secret is listed twice
    for (const KnownSecret &s : secrets) {
        Reminder r;
        if (dueFor(s, leads, now, told, &r) && !seen.contains(r.keys.last())) {
            seen.insert(r.keys.last());
            out.append(r);
        }
    }
    return out;
}

QStringList SecretReminders::keysToMark(const QList<Reminder> &reminders)
{
    QStringList keys;
    for (const Reminder &r : reminders)
        keys += r.keys;
    return keys;
}

QDateTime SecretReminders::nextDue(const QList<KnownSecret> &secrets, const QList<int> &leadDays,
                                   const QDateTime &now, const QSet<QString> &told)
{
    const QList<int> leads = normalized(leadDays);
    QDateTime best;
    auto consider = [&](const QDateTime &t) {
        if (!best.isValid() || t < best)
            best = t;
    };
    for (const KnownSecret &s : secrets) {
        if (!s.expiresAt.isValid())
            continue;
        if (dueFor(s, leads, now, told, nullptr))
            return now;
        for (int lead : leads) {
            const QDateTime t = crossing(s, lead);
            if (t > now && !told.contains(key(s, lead)))
                consider(t);
        }
        if (s.expiresAt > now && !told.contains(key(s, 0)))
            consider(s.expiresAt);
    }
    return best;
}

void SecretReminders::sortByExpiry(QList<KnownSecret> &secrets)
{
    std::stable_sort(secrets.begin(), secrets.end(), [](const KnownSecret &a, const KnownSecret &b) {
        if (a.expiresAt.isValid() != b.expiresAt.isValid())
            return a.expiresAt.isValid();
        if (a.expiresAt != b.expiresAt)
            return a.expiresAt < b.expiresAt;
        if (a.tenantName != b.tenantName)
            return a.tenantName < b.tenantName;
        if (a.name != b.name)
            return a.name < b.name;
        return a.secretId < b.secretId;
    });
}

QString SecretReminders::message(const Reminder &r)
{
    const KnownSecret &s = r.secret;
    const QString who = s.profile.isEmpty() || s.profile == s.name
                            ? QCoreApplication::translate("zc", "API client '%1' (%2)").arg(s.name, s.tenantName)
                            : QCoreApplication::translate("zc", "API client '%1' (%2, profile '%3')")
                                  .arg(s.name, s.tenantName, s.profile);
    const QString date = s.expiresAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    if (r.leadDays == 0)
        return QCoreApplication::translate("zc", "The secret of %1 expired on %2.").arg(who, date);
    return QCoreApplication::translate("zc", "The secret of %1 expires within %n day(s), on %2.", nullptr, r.leadDays)
        .arg(who, date);
}

} // namespace zc
