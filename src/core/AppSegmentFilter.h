#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace zc {

class AppSegment;

// The client-side filter of the segment list, free of any view so it can be tested alone.
//
// The text is split into words; a segment must match every word (AND), case-insensitively:
//   - "443"        a TCP or UDP range contains port 443, or the name/domains/groups contain "443"
//   - "tcp:443", "udp:53", "port:8080"   only the port ranges (of that protocol)
//   - "*.corp", "app*.example"           a glob ('*' = any run of characters) found inside one
//                                        name, domain or group name
//   - "corp.example", "web"              substring of the name, a domain, the segment group,
//                                        a server group or the microtenant name
//   - a number of 6+ digits also matches the segment id
// plus the enabled/disabled choice and a microtenant ("0" = Default, empty = all).
//
// Matching runs against a precomputed lower-case UTF-8 "search text" per segment (see
// searchText()), so a keystroke over 100,000 rows costs no allocation per row.
class AppSegmentFilter
{
public:
    enum class EnabledState { Any, Enabled, Disabled };

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setEnabledState(EnabledState s) { m_enabled = s; }
    EnabledState enabledState() const { return m_enabled; }
    void setMicrotenant(const QString &key) { m_microtenant = key; } // "" all, "0" Default, id
    QString microtenant() const { return m_microtenant; }

    bool acceptsAll() const;
    bool matches(const AppSegment &s, QByteArrayView searchText) const;
    bool matches(const AppSegment &s) const; // computes the search text (tests, one-offs)

    // '\n'-separated lower-case fields: name, each domain, segment group, server groups,
    // microtenant name.
    static QByteArray searchText(const AppSegment &s);
    static void appendSearchText(const AppSegment &s, QByteArray &out);

    bool operator==(const AppSegmentFilter &o) const
    {
        return m_text == o.m_text && m_enabled == o.m_enabled && m_microtenant == o.m_microtenant;
    }

private:
    struct Term
    {
        enum Kind { Text, AnyPortOrText, TcpPort, UdpPort, AnyPort, Glob };
        Kind kind = Text;
        QByteArray text;          // lower-case UTF-8 (Text, AnyPortOrText, Glob source)
        QList<QByteArray> pieces; // Glob: the parts between '*'
        int port = 0;
        bool matchesId = false;   // a long number: also compare with the id
    };
    static bool globMatch(const Term &t, QByteArrayView hay);

    QString m_text;
    QList<Term> m_terms;
    EnabledState m_enabled = EnabledState::Any;
    QString m_microtenant;
};

} // namespace zc
