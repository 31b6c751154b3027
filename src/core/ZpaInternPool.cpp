#include "core/ZpaInternPool.h"

namespace zc {

namespace {
// A QByteArray over foreign bytes, for lookups only (no copy).
inline QByteArray key(QByteArrayView v) { return QByteArray::fromRawData(v.data(), v.size()); }
} // namespace

QString ZpaInternPool::string(const QString &s)
{
    if (s.isEmpty())
        return QString();
    const auto it = m_strings.constFind(s);
    if (it != m_strings.cend())
        return *it;
    if (m_strings.size() < m_max)
        m_strings.insert(s);
    return s;
}

QString ZpaInternPool::string(QByteArrayView utf8)
{
    if (utf8.isEmpty())
        return QString();
    const auto it = m_utf8.constFind(key(utf8));
    if (it != m_utf8.cend())
        return it.value();
    const QString s = QString::fromUtf8(utf8);
    if (m_utf8.size() < m_max)
        m_utf8.insert(utf8.toByteArray(), s);
    return s;
}

QByteArray ZpaInternPool::bytes(QByteArrayView b)
{
    if (b.isEmpty())
        return QByteArray();
    if (m_lastBytes == b)
        return m_lastBytes;
    const auto it = m_bytes.constFind(key(b));
    if (it != m_bytes.cend())
        return m_lastBytes = *it;
    const QByteArray copy = b.toByteArray();
    if (m_bytes.size() < m_max)
        m_bytes.insert(copy);
    return m_lastBytes = copy;
}

bool ZpaInternPool::findRefs(QByteArrayView json, QByteArray *pooledJson, QList<ZpaRef> *refs) const
{
    const auto it = m_refs.constFind(key(json));
    if (it == m_refs.cend())
        return false;
    *pooledJson = it.key();
    *refs = it.value();
    return true;
}

void ZpaInternPool::addRefs(const QByteArray &json, const QList<ZpaRef> &refs)
{
    if (m_refs.size() < m_max)
        m_refs.insert(json, refs);
}

std::unique_ptr<ZpaInternPool> ZpaInternPools::take()
{
    QMutexLocker lock(&m_mutex);
    if (m_free.empty())
        return std::make_unique<ZpaInternPool>();
    std::unique_ptr<ZpaInternPool> p = std::move(m_free.back());
    m_free.pop_back();
    return p;
}

void ZpaInternPools::give(std::unique_ptr<ZpaInternPool> pool)
{
    QMutexLocker lock(&m_mutex);
    m_free.push_back(std::move(pool));
}

} // namespace zc
