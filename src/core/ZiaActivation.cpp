#include "core/ZiaActivation.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace zc {

QString ziaActivationStateName(ZiaActivationState s)
{
    switch (s) {
    case ZiaActivationState::Active: return QStringLiteral("ACTIVE");
    case ZiaActivationState::Pending: return QStringLiteral("PENDING");
    case ZiaActivationState::InProgress: return QStringLiteral("INPROGRESS");
    case ZiaActivationState::Unknown: break;
    }
    return QStringLiteral("UNKNOWN");
}

ZiaActivationState parseZiaActivationState(const QString &s)
{
    const QString v = s.trimmed().toUpper();
    if (v == QLatin1String("ACTIVE"))
        return ZiaActivationState::Active;
    if (v == QLatin1String("PENDING"))
        return ZiaActivationState::Pending;
    if (v == QLatin1String("INPROGRESS") || v == QLatin1String("IN_PROGRESS"))
        return ZiaActivationState::InProgress;
    return ZiaActivationState::Unknown;
}

bool parseZiaStatusJson(const QByteArray &body, ZiaActivationState *out, QString *why)
{
    auto fail = [&](const QString &w) {
        if (why)
            *why = w;
        if (out)
            *out = ZiaActivationState::Unknown;
        return false;
    };
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body.trimmed(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QCoreApplication::translate("zc", "the activation status is not a JSON object"));
    const QJsonValue v = doc.object().value(QLatin1String("status"));
    if (!v.isString())
        return fail(QCoreApplication::translate("zc", "the activation status has no \"status\" text"));
    const ZiaActivationState s = parseZiaActivationState(v.toString());
    if (s == ZiaActivationState::Unknown)
        return fail(QCoreApplication::translate("zc", "unknown activation status \"%1\"").arg(v.toString().left(40)));
    if (out)
        *out = s;
    return true;
}

ZiaApiMode parseZiaApiMode(const QByteArray &headerValue)
{
    const QByteArray v = headerValue.trimmed().toLower();
    if (v == "read-only" || v == "readonly")
        return ZiaApiMode::ReadOnly;
    if (v == "read-write" || v == "readwrite")
        return ZiaApiMode::ReadWrite;
    return ZiaApiMode::Unknown;
}

namespace ziaActivation {

QString confirmationText(const QString &tenantName)
{
    return QCoreApplication::translate(
               "zc",
               "Activate the ZIA configuration of tenant \"%1\"?\n"
               "Activation is tenant-wide: it puts into effect EVERY admin's pending changes, not only "
               "yours. It may queue behind other admins' sessions, and it cannot be cancelled or "
               "undone once sent.")
        .arg(tenantName);
}

QString durationText(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, (ms + 999) / 1000);
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return s % 60 ? QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60)
                      : QStringLiteral("%1 min").arg(s / 60);
    const qint64 m = (s % 3600 + 59) / 60;
    return m ? QStringLiteral("%1 h %2 min").arg(s / 3600).arg(m) : QStringLiteral("%1 h").arg(s / 3600);
}

QString budgetRefusalMessage(qint64 waitMs, const ZiaActivationBudget &b)
{
    return QCoreApplication::translate("zc",
                                       "activation budget: next slot in %1 (at most %2 activations per "
                                       "minute and %3 per hour; one activation applies everything "
                                       "pending, so there is nothing to queue)")
        .arg(durationText(waitMs))
        .arg(b.perMinute)
        .arg(b.perHour);
}

} // namespace ziaActivation

} // namespace zc
