#include "core/AppSegmentValidation.h"

#include "core/AppSegment.h"

#include <QObject>
#include <QRegularExpression>
#include <QSet>

#include <cctype>

namespace zc {

namespace {

bool isIPv4(QStringView s)
{
    const auto parts = s.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (QStringView p : parts) {
        if (p.isEmpty() || p.size() > 3 || (p.size() > 1 && p.front() == QLatin1Char('0')))
            return false;
        for (QChar c : p)
            if (!c.isDigit() || c.unicode() > 127)
                return false;
        if (p.toInt() > 255)
            return false;
    }
    return true;
}

bool isHexGroup(QStringView g)
{
    if (g.isEmpty() || g.size() > 4)
        return false;
    for (QChar c : g)
        if (!(c.unicode() < 128 && std::isxdigit(c.unicode())))
            return false;
    return true;
}

bool isIPv6(QStringView s)
{
    if (s.size() < 2 || s.size() > 45)
        return false;
    const qsizetype dbl = s.indexOf(QStringLiteral("::"));
    if (dbl >= 0 && s.indexOf(QStringLiteral("::"), dbl + 1) >= 0)
        return false;
    auto countGroups = [](QStringView part, bool last, int *n) {
        if (part.isEmpty())
            return true;
        const auto groups = part.split(QLatin1Char(':'));
        for (qsizetype i = 0; i < groups.size(); ++i) {
            const QStringView g = groups.at(i);
            if (last && i == groups.size() - 1 && g.contains(QLatin1Char('.'))) {
                if (!isIPv4(g))
                    return false;
                *n += 2;
            } else if (!isHexGroup(g)) {
                return false;
            } else {
                *n += 1;
            }
        }
        return true;
    };
    int n = 0;
    if (dbl < 0)
        return countGroups(s, true, &n) && n == 8;
    const QStringView head = s.left(dbl);
    const QStringView tail = s.mid(dbl + 2);
    return countGroups(head, tail.isEmpty(), &n) && countGroups(tail, true, &n) && n <= 7;
}

bool isHostName(const QString &s, QString *problem)
{
    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$"));
    if (s.size() > 253) {
        *problem = QObject::tr("is longer than 253 characters");
        return false;
    }
    const QStringList labels = s.split(QLatin1Char('.'));
    for (const QString &l : labels) {
        if (l.isEmpty()) {
            *problem = QObject::tr("has an empty label (two dots in a row, or a dot at the start or end)");
            return false;
        }
        if (l.size() > 63) {
            *problem = QObject::tr("has a label longer than 63 characters");
            return false;
        }
        if (!label.match(l).hasMatch()) {
            *problem = QObject::tr("may only contain letters, digits, '-' and '_' between dots, and no label may "
                                   "start or end with '-'");
            return false;
        }
    }
    static const QRegularExpression digitsOnly(QStringLiteral("^[0-9]+$"));
    if (digitsOnly.match(labels.last()).hasMatch()) {
        *problem = QObject::tr("looks like an IP address but is not a valid one");
        return false;
    }
    return true;
}

} // namespace

DomainKind classifyDomain(const QString &entry, QString *why)
{
    auto bad = [&](const QString &reason) {
        if (why)
            *why = QObject::tr("\"%1\" %2").arg(entry.left(80), reason);
        return DomainKind::Invalid;
    };
    if (entry.isEmpty())
        return bad(QObject::tr("is empty"));
    if (entry != entry.trimmed() || entry.contains(QLatin1Char(' ')))
        return bad(QObject::tr("contains spaces"));
    if (entry.contains(QStringLiteral("://")))
        return bad(QObject::tr("is a URL; enter only the host name, e.g. app.example.com"));
    for (QChar c : entry)
        if (c.unicode() > 127)
            return bad(QObject::tr("contains non-ASCII characters; use the xn-- (punycode) form of the name"));

    const qsizetype slash = entry.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        const QStringView addr = QStringView(entry).left(slash);
        const QStringView prefix = QStringView(entry).mid(slash + 1);
        bool ok = false;
        const int bits = prefix.toInt(&ok);
        const bool digits = ok && !prefix.isEmpty() && prefix.size() <= 3 && prefix.front().isDigit();
        if (isIPv4(addr))
            return digits && bits >= 0 && bits <= 32 ? DomainKind::IPv4Cidr
                                                     : bad(QObject::tr("has an IPv4 prefix length outside 0–32"));
        if (isIPv6(addr))
            return digits && bits >= 0 && bits <= 128 ? DomainKind::IPv6Cidr
                                                      : bad(QObject::tr("has an IPv6 prefix length outside 0–128"));
        return bad(QObject::tr("is not a host name, wildcard or IP address ('/' is only allowed in a subnet "
                               "such as 10.0.0.0/8)"));
    }
    if (isIPv4(entry))
        return DomainKind::IPv4;
    if (entry.contains(QLatin1Char(':'))) {
        if (isIPv6(entry))
            return DomainKind::IPv6;
        static const QRegularExpression hostPort(QStringLiteral("^[^:]+:[0-9]+$"));
        if (hostPort.match(entry).hasMatch())
            return bad(QObject::tr("includes a port; enter ports in the TCP/UDP port fields"));
        return bad(QObject::tr("is not a valid IPv6 address"));
    }
    QString problem;
    if (entry.startsWith(QStringLiteral("*."))) {
        const QString rest = entry.mid(2);
        if (rest.contains(QLatin1Char('*')))
            return bad(QObject::tr("may contain '*' only as the first label, like *.example.com"));
        if (!rest.contains(QLatin1Char('.')))
            return bad(QObject::tr("is too broad; a wildcard needs a domain with at least two labels, like "
                                   "*.example.com"));
        if (!isHostName(rest, &problem))
            return bad(problem);
        return DomainKind::Wildcard;
    }
    if (entry.contains(QLatin1Char('*')))
        return bad(QObject::tr("may contain '*' only as the first label, like *.example.com"));
    if (!isHostName(entry, &problem))
        return bad(problem);
    return DomainKind::Fqdn;
}

ValidationIssues validateAppSegment(const AppSegment &s)
{
    ValidationIssues out;
    const QString fullName = s.name();
    const QString name = fullName.trimmed();
    if (name.isEmpty())
        out.append({QStringLiteral("name"), QObject::tr("Name must not be empty")});
    else if (fullName.size() > 255)
        out.append({QStringLiteral("name"), QObject::tr("Name is longer than 255 characters")});
    else if (fullName.contains(QLatin1Char('\n')) || fullName.contains(QChar(0)))
        out.append({QStringLiteral("name"), QObject::tr("Name must be one line of text")});
    if (s.description().size() > 10000)
        out.append({QStringLiteral("description"), QObject::tr("Description is longer than 10,000 characters")});

    const QString domainsField = QStringLiteral("domainNames");
    const QStringList domains = s.domainNames();
    if (domains.isEmpty())
        out.append({domainsField, QObject::tr("Enter at least one domain, wildcard or IP address")});
    QSet<QString> seen;
    for (const QString &d : domains) {
        QString why;
        if (classifyDomain(d, &why) == DomainKind::Invalid)
            out.append({domainsField, why});
        const QString key = d.toLower();
        if (seen.contains(key))
            out.append({domainsField, QObject::tr("\"%1\" is listed twice").arg(d.left(80))});
        seen.insert(key);
    }

    const PortRangeList tcp = s.tcpPorts();
    const PortRangeList udp = s.udpPorts();
    if (tcp.isEmpty() && udp.isEmpty())
        out.append({QStringLiteral("ports"), QObject::tr("Enter at least one TCP or UDP port or range")});
    out.append(ports::validate(tcp, QStringLiteral("tcpPortRanges")));
    out.append(ports::validate(udp, QStringLiteral("udpPortRanges")));

    if (s.segmentGroupId().trimmed().isEmpty())
        out.append({QStringLiteral("segmentGroupId"), QObject::tr("Choose a segment group")});
    if (s.serverGroups().isEmpty())
        out.append({QStringLiteral("serverGroups"), QObject::tr("Choose at least one server group")});
    for (const ZpaRef &g : s.serverGroups())
        if (g.id.trimmed().isEmpty()) {
            out.append({QStringLiteral("serverGroups"), QObject::tr("A chosen server group has no id")});
            break;
        }
    return out;
}

} // namespace zc
