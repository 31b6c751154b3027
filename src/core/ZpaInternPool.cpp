#include "core/ZpaInternPool.h"

namespace zc {

namespace {

template<typename T>
T pooled(QSet<T> &set, const T &v, qsizetype max)
{
    const auto it = set.constFind(v);
    if (it != set.cend())
        return *it;
    if (set.size() < max)
        set.insert(v);
    return v;
}

} // namespace

QString ZpaInternPool::string(const QString &s)
{
    if (s.isEmpty())
        return QString();
    return pooled(m_strings, s, m_max);
}

QJsonObject ZpaInternPool::object(const QJsonObject &o)
{
    if (o.isEmpty())
        return QJsonObject();
    return pooled(m_objects, o, m_max / 4);
}

QJsonArray ZpaInternPool::array(const QJsonArray &a)
{
    if (a.isEmpty())
        return QJsonArray();
    return pooled(m_arrays, a, m_max / 4);
}

} // namespace zc
