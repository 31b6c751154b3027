#include "core/AppSegment.h"

#include "core/AppSegmentBlob.h"
#include "core/AppSegmentValidation.h"

#include <QObject>

namespace zc {

struct AppSegment::Unpacked
{
    QByteArray strings[blob::StringFieldCount];
    QList<QByteArray> domains;
    PortRangeList tcp;
    PortRangeList udp;
};

AppSegment::Unpacked AppSegment::unpack() const
{
    Unpacked u;
    blob::Reader r(m_blob);
    for (QByteArray &s : u.strings)
        s = r.string().toByteArray();
    const auto n = qsizetype(r.varint());
    u.domains.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        u.domains.append(r.string().toByteArray());
    u.tcp = r.ports();
    u.udp = r.ports();
    return u;
}

void AppSegment::pack(const Unpacked &u)
{
    QByteArray b;
    for (const QByteArray &s : u.strings)
        blob::putString(b, s);
    blob::putVarint(b, quint64(u.domains.size()));
    for (const QByteArray &d : u.domains)
        blob::putString(b, d);
    blob::putPorts(b, u.tcp);
    blob::putPorts(b, u.udp);
    m_blob = QByteArray(b.constData(), b.size()); // exact size
}

QByteArrayView AppSegment::blobString(int field) const
{
    blob::Reader r(m_blob);
    r.skipStrings(field);
    return r.string();
}

QString AppSegment::id() const { return QString::fromUtf8(blobString(blob::Id)); }
QString AppSegment::name() const { return QString::fromUtf8(blobString(blob::Name)); }
QString AppSegment::description() const { return QString::fromUtf8(blobString(blob::Description)); }
QString AppSegment::modifiedTime() const { return QString::fromUtf8(blobString(blob::ModifiedTime)); }
QString AppSegment::creationTime() const { return QString::fromUtf8(blobString(blob::CreationTime)); }
QByteArrayView AppSegment::idUtf8() const { return blobString(blob::Id); }
QByteArrayView AppSegment::nameUtf8() const { return blobString(blob::Name); }

QStringList AppSegment::domainNames() const
{
    blob::Reader r(m_blob);
    r.skipStrings(blob::StringFieldCount);
    const auto n = qsizetype(r.varint());
    QStringList out;
    out.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        out.append(QString::fromUtf8(r.string()));
    return out;
}

QList<QByteArrayView> AppSegment::domainsUtf8() const
{
    blob::Reader r(m_blob);
    r.skipStrings(blob::StringFieldCount);
    const auto n = qsizetype(r.varint());
    QList<QByteArrayView> out;
    out.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        out.append(r.string());
    return out;
}

int AppSegment::domainCount() const
{
    blob::Reader r(m_blob);
    r.skipStrings(blob::StringFieldCount);
    return int(r.varint());
}

QByteArrayView AppSegment::firstDomainUtf8() const
{
    blob::Reader r(m_blob);
    r.skipStrings(blob::StringFieldCount);
    return r.varint() > 0 ? r.string() : QByteArrayView();
}

PortRangeList AppSegment::ports(PortProtocol p) const
{
    blob::Reader r(m_blob);
    r.seekPorts(p == PortProtocol::Udp);
    return r.ports();
}

bool AppSegment::hasPort(PortProtocol p, int port) const
{
    blob::Reader r(m_blob);
    r.seekPorts(p == PortProtocol::Udp);
    const auto n = qsizetype(r.varint());
    for (qsizetype i = 0; i < n; ++i) {
        const int from = r.zigzag();
        const int to = r.zigzag();
        if (port >= from && port <= to)
            return true;
    }
    return false;
}

int AppSegment::comparePorts(PortProtocol p, const AppSegment &other) const
{
    blob::Reader a(m_blob);
    blob::Reader b(other.m_blob);
    a.seekPorts(p == PortProtocol::Udp);
    b.seekPorts(p == PortProtocol::Udp);
    const auto na = qsizetype(a.varint());
    const auto nb = qsizetype(b.varint());
    if ((na == 0) != (nb == 0))
        return na == 0 ? 1 : -1; // segments without ports of that protocol sort last
    for (qsizetype i = 0; i < std::min(na, nb) * 2; ++i) {
        const int x = a.zigzag();
        const int y = b.zigzag();
        if (x != y)
            return x < y ? -1 : 1;
    }
    return na == nb ? 0 : (na < nb ? -1 : 1);
}

QDateTime AppSegment::modifiedAt() const
{
    return m_modifiedSecs >= 0 ? QDateTime::fromSecsSinceEpoch(m_modifiedSecs, Qt::UTC) : QDateTime();
}

QDateTime AppSegment::createdAt() const
{
    bool ok = false;
    const qint64 secs = blobString(blob::CreationTime).toByteArray().toLongLong(&ok);
    return ok && secs >= 0 && secs <= 253402300799LL ? QDateTime::fromSecsSinceEpoch(secs, Qt::UTC) : QDateTime();
}

void AppSegment::refreshModifiedSecs()
{
    bool ok = false;
    const qint64 secs = blobString(blob::ModifiedTime).toByteArray().toLongLong(&ok);
    m_modifiedSecs = ok && secs >= 0 && secs <= 253402300799LL ? secs : -1; // up to year 9999
}

void AppSegment::setBlobString(int field, quint32 bit, const QString &v)
{
    // Equal values change nothing: an absent field stays absent, an odd form stays as it came.
    const QByteArray utf8 = v.toUtf8();
    if (blobString(field) == utf8)
        return;
    Unpacked u = unpack();
    u.strings[field] = utf8;
    pack(u);
    m_dirty |= bit;
}

void AppSegment::setId(const QString &v) { setBlobString(blob::Id, BId, v); }
void AppSegment::setName(const QString &v) { setBlobString(blob::Name, BName, v); }
void AppSegment::setDescription(const QString &v) { setBlobString(blob::Description, BDescription, v); }
void AppSegment::setCreationTime(const QString &v) { setBlobString(blob::CreationTime, BCreTime, v); }

void AppSegment::setModifiedTime(const QString &v)
{
    setBlobString(blob::ModifiedTime, BModTime, v);
    refreshModifiedSecs();
}

void AppSegment::setPooled(QString &member, quint32 bit, const QString &v)
{
    if (member == v)
        return;
    member = v;
    m_dirty |= bit;
}

void AppSegment::setSegmentGroup(const QString &id, const QString &name)
{
    setPooled(m_segmentGroupId, BSegGroupId, id);
    setPooled(m_segmentGroupName, BSegGroupName, name);
}

void AppSegment::setMicrotenant(const QString &id, const QString &name)
{
    setPooled(m_microtenantId, BMicroId, id);
    setPooled(m_microtenantName, BMicroName, name);
}

void AppSegment::setModifiedBy(const QString &v) { setPooled(m_modifiedBy, BModBy, v); }
void AppSegment::setBypassType(const QString &v) { setPooled(m_bypassType, BBypass, v); }
void AppSegment::setHealthReporting(const QString &v) { setPooled(m_healthReporting, BHealth, v); }

void AppSegment::setEnabled(bool v)
{
    if (v == m_enabled)
        return;
    m_enabled = v;
    m_dirty |= BEnabled;
}

void AppSegment::setDomainNames(const QStringList &v)
{
    Unpacked u = unpack();
    QList<QByteArray> domains;
    for (const QString &d : v)
        domains.append(d.toUtf8());
    if (domains == u.domains)
        return;
    u.domains = domains;
    pack(u);
    m_dirty |= BDomains;
}

void AppSegment::setPorts(PortProtocol p, const PortRangeList &v)
{
    const bool tcp = p == PortProtocol::Tcp;
    if (ports(p) == v)
        return;
    Unpacked u = unpack();
    (tcp ? u.tcp : u.udp) = v;
    pack(u);
    m_dirty |= tcp ? BTcp : BUdp;
}

void AppSegment::setServerGroups(const QList<ZpaRef> &v)
{
    if (v == m_serverGroups)
        return;
    m_serverGroups = v;
    m_dirty |= BServerGroups;
}

ValidationIssues AppSegment::validate() const
{
    return validateAppSegment(*this);
}

QString AppSegment::microtenantKey() const
{
    return m_microtenantId.isEmpty() ? QStringLiteral("0") : m_microtenantId;
}

QString AppSegment::microtenantDisplay() const
{
    if (!m_microtenantName.isEmpty())
        return m_microtenantName;
    if (m_microtenantId.isEmpty() || m_microtenantId == QLatin1String("0"))
        return QObject::tr("Default");
    return m_microtenantId;
}

QString AppSegment::domainsText() const
{
    return domainNames().join(QStringLiteral(", "));
}

QString AppSegment::serverGroupsText() const
{
    QString s;
    for (const ZpaRef &r : m_serverGroups) {
        if (!s.isEmpty())
            s += QStringLiteral(", ");
        s += r.name.isEmpty() ? r.id : r.name;
    }
    return s;
}

QStringList AppSegment::serverGroupIds() const
{
    QStringList ids;
    ids.reserve(m_serverGroups.size());
    for (const ZpaRef &r : m_serverGroups)
        ids.append(r.id);
    return ids;
}

} // namespace zc
