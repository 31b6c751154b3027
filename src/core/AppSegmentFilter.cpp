#include "core/AppSegmentFilter.h"

#include "core/AppSegment.h"

namespace zc {

namespace {

bool parsePort(QStringView s, int *port)
{
    if (s.isEmpty() || s.size() > 5)
        return false;
    for (QChar c : s)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    const int p = s.toInt();
    if (p < 1 || p > 65535)
        return false;
    *port = p;
    return true;
}

bool allDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

} // namespace

void AppSegmentFilter::setText(const QString &text)
{
    m_text = text;
    m_terms.clear();
    for (const QString &raw : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString w = raw.trimmed().toCaseFolded();
        if (w.isEmpty())
            continue;
        Term t;
        t.text = w.toUtf8();
        const qsizetype colon = w.indexOf(QLatin1Char(':'));
        int port = 0;
        if (colon > 0 && parsePort(QStringView(w).mid(colon + 1), &port)) {
            const QStringView prefix = QStringView(w).left(colon);
            if (prefix == QLatin1String("tcp"))
                t.kind = Term::TcpPort;
            else if (prefix == QLatin1String("udp"))
                t.kind = Term::UdpPort;
            else if (prefix == QLatin1String("port"))
                t.kind = Term::AnyPort;
            t.port = port;
        } else if (parsePort(w, &port)) {
            t.kind = Term::AnyPortOrText;
            t.port = port;
        } else if (w.contains(QLatin1Char('*'))) {
            t.kind = Term::Glob;
            for (const QString &piece : w.split(QLatin1Char('*'), Qt::SkipEmptyParts))
                t.pieces.append(piece.toUtf8());
            if (t.pieces.isEmpty())
                continue; // "*" alone matches everything
        }
        t.matchesId = allDigits(w) && w.size() >= 6;
        m_terms.append(t);
    }
}

bool AppSegmentFilter::acceptsAll() const
{
    return m_terms.isEmpty() && m_enabled == EnabledState::Any && m_microtenant.isEmpty();
}

bool AppSegmentFilter::globMatch(const Term &t, QByteArrayView hay)
{
    // Each '\n'-separated field on its own, pieces in order within the field.
    qsizetype start = 0;
    while (start <= hay.size()) {
        qsizetype end = hay.indexOf('\n', start);
        if (end < 0)
            end = hay.size();
        const QByteArrayView field = hay.sliced(start, end - start);
        qsizetype pos = 0;
        bool all = true;
        for (const QByteArray &piece : t.pieces) {
            const qsizetype at = field.indexOf(piece, pos);
            if (at < 0) {
                all = false;
                break;
            }
            pos = at + piece.size();
        }
        if (all)
            return true;
        start = end + 1;
    }
    return false;
}

bool AppSegmentFilter::matches(const AppSegment &s, QByteArrayView hay) const
{
    if (m_enabled != EnabledState::Any && s.enabled != (m_enabled == EnabledState::Enabled))
        return false;
    if (!m_microtenant.isEmpty() && s.microtenantKey() != m_microtenant)
        return false;
    for (const Term &t : m_terms) {
        bool ok = false;
        switch (t.kind) {
        case Term::Text: ok = hay.contains(t.text); break;
        case Term::AnyPortOrText:
            ok = ports::containsPort(s.tcpPorts, t.port) || ports::containsPort(s.udpPorts, t.port)
                 || hay.contains(t.text);
            break;
        case Term::TcpPort: ok = ports::containsPort(s.tcpPorts, t.port); break;
        case Term::UdpPort: ok = ports::containsPort(s.udpPorts, t.port); break;
        case Term::AnyPort:
            ok = ports::containsPort(s.tcpPorts, t.port) || ports::containsPort(s.udpPorts, t.port);
            break;
        case Term::Glob: ok = globMatch(t, hay); break;
        }
        if (!ok && t.matchesId)
            ok = s.id.contains(QLatin1String(t.text));
        if (!ok)
            return false;
    }
    return true;
}

bool AppSegmentFilter::matches(const AppSegment &s) const
{
    return matches(s, searchText(s));
}

QByteArray AppSegmentFilter::searchText(const AppSegment &s)
{
    QString t;
    t.reserve(s.name.size() + 64);
    // '\n' separates fields (a glob stays inside one); a '\n' inside a value becomes a space.
    auto field = [&t](const QString &v, bool first = false) {
        if (!first)
            t += QLatin1Char('\n');
        const qsizetype at = t.size();
        t += v;
        if (v.contains(QLatin1Char('\n')))
            for (qsizetype i = at; i < t.size(); ++i)
                if (t.at(i) == QLatin1Char('\n'))
                    t[i] = QLatin1Char(' ');
    };
    field(s.name, true);
    for (const QString &d : s.domainNames)
        field(d);
    field(s.segmentGroupName);
    for (const ZpaRef &g : s.serverGroups)
        field(g.name);
    field(s.microtenantName);
    return t.toCaseFolded().toUtf8();
}

} // namespace zc
