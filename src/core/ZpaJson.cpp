#include "core/ZpaJson.h"

#include <QObject>

#include <cmath>
#include <limits>

namespace zc::zpajson {

QString toStr(const QJsonValue &v, bool *exact)
{
    if (exact)
        *exact = v.isString();
    switch (v.type()) {
    case QJsonValue::String: return v.toString();
    case QJsonValue::Double: {
        // Qt keeps integers that fit in 64 bits exact; toInteger() returns them unchanged.
        constexpr qint64 notIntegral = std::numeric_limits<qint64>::min();
        const qint64 i = v.toInteger(notIntegral);
        if (i != notIntegral)
            return QString::number(i);
        const double d = v.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e300)
            return QString::number(d, 'f', 0);
        return QString::number(d, 'g', 17);
    }
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default: return {};
    }
}

bool toBool(const QJsonValue &v, bool fallback, bool *exact)
{
    if (exact)
        *exact = v.isBool();
    switch (v.type()) {
    case QJsonValue::Bool: return v.toBool();
    case QJsonValue::Double: return v.toDouble() != 0.0;
    case QJsonValue::String: {
        const QString s = v.toString().trimmed();
        if (s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 || s == QLatin1String("1"))
            return true;
        if (s.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0 || s == QLatin1String("0"))
            return false;
        return fallback;
    }
    default: return fallback;
    }
}

bool toInt64(const QJsonValue &v, qint64 *out)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9.2e18)
            return false;
        *out = v.toInteger(qint64(d));
        return true;
    }
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok, 10);
        if (ok)
            *out = n;
        return ok;
    }
    return false;
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QObject::tr("null");
    case QJsonValue::Bool: return QObject::tr("a boolean");
    case QJsonValue::Double: return QObject::tr("a number");
    case QJsonValue::String: return QObject::tr("a string");
    case QJsonValue::Array: return QObject::tr("an array");
    case QJsonValue::Object: return QObject::tr("an object");
    case QJsonValue::Undefined: return QObject::tr("missing");
    }
    return QObject::tr("unknown");
}

} // namespace zc::zpajson
