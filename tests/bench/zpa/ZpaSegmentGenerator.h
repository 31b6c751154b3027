#pragma once
// Realistic ZPA application-segment list pages for benchmarks and model tests, shaped like
// the recorded list reply (tests/fixtures/recorded-json/zpa/TestApplicationSegment.json):
// every field the server echoes, both port encodings, totals as strings, embedded server
// groups with their own times. Deterministic for a given seed. Header-only on purpose: the
// unit tests include it too.

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <random>

namespace zctest {

class ZpaSegmentGenerator
{
public:
    explicit ZpaSegmentGenerator(quint32 seed = 20240501)
        : m_rng(seed)
    {
    }

    static QByteArray idFor(int i) { return QByteArray::number(216196257331000000LL + i); }

    // Records, while generating, the ids of the segments whose TCP or UDP ranges contain `port`
    // (expected values for port filters, known from the data rather than from the code under test).
    void watchPort(int port) { m_watchedPort = port; }
    const QSet<QByteArray> &idsWithWatchedPort() const { return m_withPort; }

    // One segment object (compact JSON) with index i.
    QByteArray segment(int i)
    {
        m_current = idFor(i);
        static const char *const apps[] = {"web", "db", "ssh", "rdp", "api", "git", "jira", "crm", "erp",
                                           "hr", "mail", "vpn", "wiki", "sap", "k8s", "ldap", "smb", "ci"};
        static const char *const regions[] = {"us-east", "us-west", "eu-central", "eu-west", "ap-south", "ap-east"};
        static const char *const bypass[] = {"NEVER", "NEVER", "NEVER", "NEVER", "NEVER", "NEVER", "ALWAYS", "ON_NET"};
        static const char *const health[] = {"ON_ACCESS", "ON_ACCESS", "ON_ACCESS", "NONE", "CONTINUOUS"};
        const QByteArray app = apps[pick(std::size(apps))];
        const QByteArray region = regions[pick(std::size(regions))];
        const QByteArray name = app + '-' + region + '-' + QByteArray::number(i);
        const qint64 created = 1640995200 + qint64(pick(60'000'000));
        const qint64 modified = created + qint64(pick(30'000'000));
        const int segGroup = int(pick(200));
        const QByteArray admin = QByteArray::number(216196257331372700LL + qint64(pick(20)));

        QByteArray o;
        o.reserve(1800);
        o += "{\"modifiedTime\":\"" + QByteArray::number(modified) + "\",\"creationTime\":\""
             + QByteArray::number(created) + "\",\"modifiedBy\":\"" + admin + "\",\"id\":\"" + idFor(i) + "\"";
        o += ",\"domainNames\":[";
        const int nDomains = 1 + int(pick(4));
        for (int d = 0; d < nDomains; ++d) {
            if (d)
                o += ',';
            const auto kind = pick(10);
            if (kind < 6)
                o += '"' + name + (d ? QByteArray("-" + QByteArray::number(d)) : QByteArray()) + ".corp.example.com\"";
            else if (kind < 8)
                o += "\"*.svc" + QByteArray::number(int(pick(300))) + ".example.net\"";
            else
                o += "\"10." + QByteArray::number(int(pick(256))) + '.' + QByteArray::number(int(pick(256))) + '.'
                     + QByteArray::number(1 + int(pick(254))) + '"';
        }
        o += "],\"name\":\"" + name + "\",\"description\":\"Access to " + name + " for the " + region
             + " team\",\"serverGroups\":[";
        const int nGroups = 1 + int(pick(10) < 2 ? 1 : 0);
        for (int g = 0; g < nGroups; ++g) {
            const int sg = int(pick(300));
            if (g)
                o += ',';
            o += "{\"id\":\"" + QByteArray::number(216196257331400000LL + sg)
                 + "\",\"modifiedTime\":\"1773369874\",\"creationTime\":\"1773369874\",\"modifiedBy\":\""
                 + "216196257331372705\",\"name\":\"servers-" + QByteArray::number(sg)
                 + "\",\"enabled\":true,\"description\":\"server group " + QByteArray::number(sg)
                 + "\",\"configSpace\":\"DEFAULT\",\"extranetEnabled\":false,\"dynamicDiscovery\":true}";
        }
        o += "],\"enabled\":" + QByteArray(pick(20) == 0 ? "false" : "true") + ",\"passiveHealthEnabled\":true";
        QByteArray flat, structured;
        static const int common[][2] = {{443, 443}, {80, 80}, {22, 22}, {3389, 3389}, {8080, 8090},
                                        {5432, 5432}, {1433, 1433}, {389, 389}, {636, 636}, {9000, 9100}};
        const int nTcp = 1 + int(pick(3));
        int lastTo = 0;
        for (int p = 0; p < nTcp; ++p) {
            const auto &c = common[pick(std::size(common))];
            int from = c[0], to = c[1];
            if (from <= lastTo) // keep the ranges of one segment apart, like a valid tenant
                from = to = lastTo + 1 + int(pick(100));
            lastTo = to;
            appendPorts(flat, structured, from, to);
        }
        o += ",\"tcpPortRanges\":[" + flat + "],\"tcpPortRange\":[" + structured + ']';
        if (pick(5) == 0) {
            flat.clear();
            structured.clear();
            appendPorts(flat, structured, 53, 53);
            if (pick(2))
                appendPorts(flat, structured, 500, 600);
            o += ",\"udpPortRanges\":[" + flat + "],\"udpPortRange\":[" + structured + ']';
        }
        o += ",\"doubleEncrypt\":" + QByteArray(pick(20) == 0 ? "true" : "false");
        o += ",\"configSpace\":\"DEFAULT\",\"bypassType\":\"" + QByteArray(bypass[pick(std::size(bypass))])
             + "\",\"healthCheckType\":\"DEFAULT\",\"icmpAccessType\":\"NONE\",\"isCnameEnabled\":true,"
               "\"ipAnchored\":false,\"bypassOnReauth\":false,\"inspectTrafficWithZia\":false,"
               "\"healthReporting\":\""
             + QByteArray(health[pick(std::size(health))])
             + "\",\"useInDrMode\":false,\"tcpKeepAlive\":\"0\",\"selectConnectorCloseToApp\":false,"
               "\"matchStyle\":\"EXCLUSIVE\",\"isIncompleteDRConfig\":false,\"adpEnabled\":false,"
               "\"autoAppProtectEnabled\":false,\"apiProtectionEnabled\":false,\"fqdnDnsCheck\":false,"
               "\"weightedLoadBalancing\":false,\"extranetEnabled\":false,\"policyStyle\":\"NONE\","
               "\"readOnly\":false,\"zscalerManaged\":false";
        if (pick(10) == 0) {
            const int mt = int(pick(5));
            o += ",\"microtenantId\":\"" + QByteArray::number(216196257331404640LL + mt)
                 + "\",\"microtenantName\":\"tenant-" + QByteArray::number(mt) + '"';
        } else {
            o += ",\"microtenantName\":\"Default\"";
        }
        o += ",\"segmentGroupId\":\"" + QByteArray::number(216196257331404000LL + segGroup)
             + "\",\"segmentGroupName\":\"segment-group-" + QByteArray::number(segGroup) + "\"}";
        return o;
    }

    // Pages of `pageSize` rows (ids firstIndex …), totals as strings like the server sends.
    QList<QByteArray> pages(int total, int pageSize = 500, int firstIndex = 0)
    {
        QList<QByteArray> out;
        const int nPages = (total + pageSize - 1) / pageSize;
        for (int p = 0; p < nPages; ++p) {
            QByteArray b = "{\"totalPages\":\"" + QByteArray::number(nPages) + "\",\"totalCount\":\""
                           + QByteArray::number(total) + "\",\"list\":[";
            for (int i = p * pageSize; i < std::min(total, (p + 1) * pageSize); ++i) {
                if (i > p * pageSize)
                    b += ',';
                b += segment(firstIndex + i);
            }
            b += "]}";
            out.append(b);
        }
        return out;
    }

private:
    quint64 pick(quint64 n) { return std::uniform_int_distribution<quint64>(0, n - 1)(m_rng); }
    void appendPorts(QByteArray &flat, QByteArray &structured, int from, int to)
    {
        if (m_watchedPort >= from && m_watchedPort <= to)
            m_withPort.insert(m_current);
        if (!flat.isEmpty()) {
            flat += ',';
            structured += ',';
        }
        const QByteArray f = QByteArray::number(from), t = QByteArray::number(to);
        flat += '"' + f + "\",\"" + t + '"';
        structured += "{\"from\":\"" + f + "\",\"to\":\"" + t + "\"}";
    }

    std::mt19937_64 m_rng;
    int m_watchedPort = -1;
    QByteArray m_current; // id of the segment being generated
    QSet<QByteArray> m_withPort;
};

} // namespace zctest
