#include "core/UrlLookup.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

namespace zc {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("zc::UrlLookup", s); }

bool isSchemeChar(QChar c, bool first)
{
    const bool alpha = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
    if (first)
        return alpha;
    return alpha || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('+')
           || c == QLatin1Char('-') || c == QLatin1Char('.');
}

// "mailto:x" / "javascript:..." (a scheme without "//"), but not "host:8080/path".
QString opaqueScheme(const QString &s)
{
    const qsizetype colon = s.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return {};
    for (qsizetype i = 0; i < colon; ++i)
        if (!isSchemeChar(s.at(i), i == 0))
            return {};
    qsizetype i = colon + 1;
    while (i < s.size() && s.at(i).isDigit())
        ++i;
    const bool portFollows = i > colon + 1
                             && (i == s.size() || s.at(i) == QLatin1Char('/') || s.at(i) == QLatin1Char('?')
                                 || s.at(i) == QLatin1Char('#'));
    return portFollows ? QString() : s.left(colon).toLower();
}

bool validLabel(const QString &l)
{
    if (l.isEmpty() || l.size() > 63 || l.startsWith(QLatin1Char('-')) || l.endsWith(QLatin1Char('-')))
        return false;
    for (const QChar c : l) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
                        || c == QLatin1Char('-') || c == QLatin1Char('_');
        if (!ok)
            return false;
    }
    return true;
}

// IP literals are read and printed by QUrl (QtCore), which answers as QHostAddress does
// (tests/unit/tst_urllookup compares the two): an IPv4 host comes back as a plain dotted quad.
bool isIpv4(const QString &host)
{
    QUrl u;
    u.setHost(host, QUrl::StrictMode);
    const QStringList parts = u.isValid() ? u.host().split(QLatin1Char('.')) : QStringList();
    if (parts.size() != 4)
        return false;
    for (const QString &p : parts) {
        bool ok = false;
        const uint n = p.toUInt(&ok);
        if (!ok || n > 255 || QString::number(n) != p)
            return false;
    }
    return true;
}

// "[2001:DB8::0:1]" content → "2001:db8::1" (null: not an IPv6 address). A scope id ("%eth0",
// QHostAddress's extension) is kept as written.
QString canonicalIpv6(const QString &text)
{
    QString addr = text.simplified();
    QString scope;
    const qsizetype pct = addr.lastIndexOf(QLatin1Char('%'));
    if (pct >= 0) {
        scope = addr.mid(pct + 1);
        addr.truncate(pct);
    }
    if (!addr.contains(QLatin1Char(':')))
        return {};
    QUrl u;
    u.setHost(QLatin1Char('[') + addr + QLatin1Char(']'), QUrl::StrictMode);
    if (!u.isValid() || u.host().startsWith(QLatin1Char('v'), Qt::CaseInsensitive)) // IPvFuture
        return {};
    return (scope.isEmpty() ? u.host() : u.host() + QLatin1Char('%') + scope).toLower();
}

bool looksNumeric(const QString &host)
{
    for (const QChar c : host)
        if (!c.isDigit() && c != QLatin1Char('.'))
            return false;
    return true;
}

// "https://user:pw@host/" → "https://***@host/": a refused entry is shown without its password.
QString withoutUserInfo(const QString &s)
{
    const qsizetype start = s.indexOf(QLatin1String("://")) >= 0 ? s.indexOf(QLatin1String("://")) + 3 : 0;
    qsizetype end = s.size();
    for (const QChar c : {QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype i = s.indexOf(c, start);
        if (i >= 0 && i < end)
            end = i;
    }
    const qsizetype at = s.lastIndexOf(QLatin1Char('@'), end - 1);
    if (at < start)
        return s;
    return s.left(start) + QStringLiteral("***") + s.mid(at);
}

} // namespace

QString UrlLookup::normalize(const QString &input, QString *reason, bool allowLeadingDot)
{
    auto fail = [&](const QString &r) {
        if (reason)
            *reason = r;
        return QString();
    };
    const QString s = input.trimmed();
    if (s.isEmpty())
        return fail(tr("empty"));
    if (s.size() > MaxRawLength)
        return fail(tr("longer than %1 characters").arg(MaxRawLength));

    QString rest = s;
    const qsizetype sep = s.indexOf(QLatin1String("://"));
    if (sep >= 0 && !s.left(sep).contains(QLatin1Char('/'))) {
        const QString scheme = s.left(sep).toLower();
        if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
            return fail(tr("unsupported scheme \"%1\" (only http and https)").arg(scheme.left(20)));
        rest = s.mid(sep + 3);
    } else if (s.startsWith(QLatin1String("//"))) {
        rest = s.mid(2);
    } else if (const QString scheme = opaqueScheme(s); !scheme.isEmpty()) {
        return fail(tr("unsupported scheme \"%1\" (only http and https)").arg(scheme.left(20)));
    }
    if (const qsizetype hash = rest.indexOf(QLatin1Char('#')); hash >= 0)
        rest.truncate(hash);

    qsizetype cut = rest.size();
    for (const QChar c : {QLatin1Char('/'), QLatin1Char('?')}) {
        const qsizetype i = rest.indexOf(c);
        if (i >= 0 && i < cut)
            cut = i;
    }
    const QString authority = rest.left(cut);
    QString tail = rest.mid(cut);
    if (authority.contains(QLatin1Char('@')))
        return fail(tr("contains a user name or password (user@host): remove it"));

    QString host, port;
    if (authority.startsWith(QLatin1Char('['))) {
        const qsizetype close = authority.indexOf(QLatin1Char(']'));
        if (close < 0)
            return fail(tr("unterminated [IPv6] address"));
        const QString addr = canonicalIpv6(authority.mid(1, close - 1));
        if (addr.isNull())
            return fail(tr("invalid IPv6 address"));
        host = QLatin1Char('[') + addr + QLatin1Char(']');
        const QString after = authority.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':')))
                return fail(tr("unexpected text after the IPv6 address"));
            port = after.mid(1);
        }
    } else {
        if (authority.count(QLatin1Char(':')) > 1)
            return fail(tr("an IPv6 address needs [brackets]"));
        const qsizetype colon = authority.indexOf(QLatin1Char(':'));
        host = colon >= 0 ? authority.left(colon) : authority;
        if (colon >= 0)
            port = authority.mid(colon + 1);
    }
    if (!port.isNull()) {
        bool ok = false;
        const int p = port.toInt(&ok);
        if (!ok || p < 1 || p > 65535 || port.startsWith(QLatin1Char('+')))
            return fail(tr("invalid port \"%1\"").arg(port.left(10)));
        port = (p == 80 || p == 443) ? QString() : QString::number(p);
    }

    QString prefix;
    if (!host.startsWith(QLatin1Char('['))) {
        if (host.startsWith(QLatin1String("*."))) {
            if (!allowLeadingDot)
                return fail(tr("a wildcard (*.) cannot be looked up"));
            host = host.mid(1);
        }
        if (host.startsWith(QLatin1Char('.'))) {
            if (!allowLeadingDot)
                return fail(tr("starts with a dot"));
            prefix = QStringLiteral(".");
            host = host.mid(1);
        }
        if (host.endsWith(QLatin1Char('.')))
            host.chop(1);
        if (host.isEmpty())
            return fail(tr("no host name"));
        host = host.toLower();
        bool ascii = true;
        for (const QChar c : host)
            if (c.unicode() > 0x7f)
                ascii = false;
        if (!ascii) {
            const QByteArray ace = QUrl::toAce(host);
            if (ace.isEmpty())
                return fail(tr("not a valid international domain name"));
            host = QString::fromLatin1(ace).toLower();
        }
        if (host.size() > 253)
            return fail(tr("host name longer than 253 characters"));
        if (looksNumeric(host)) {
            if (!prefix.isEmpty() || !isIpv4(host))
                return fail(tr("invalid IPv4 address"));
        } else {
            const QStringList labels = host.split(QLatin1Char('.'));
            for (const QString &l : labels)
                if (!validLabel(l))
                    return fail(tr("invalid host name \"%1\"").arg(host.left(80)));
        }
    }

    for (const QChar c : tail)
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return fail(tr("contains whitespace or control characters"));
    if (tail == QLatin1String("/"))
        tail.clear();

    QString out = prefix + host;
    if (!port.isEmpty())
        out += QLatin1Char(':') + port;
    out += tail;
    if (out.size() > MaxUrlLength)
        return fail(tr("longer than 1,024 characters (%1)").arg(out.size()));
    return out;
}

UrlLookupInput UrlLookup::prepare(const QStringList &inputs, bool allowLeadingDot)
{
    UrlLookupInput r;
    QSet<QString> seen;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const QString &in = inputs.at(i);
        if (in.trimmed().isEmpty()) {
            ++r.blanks;
            continue;
        }
        QString why;
        const QString n = normalize(in, &why, allowLeadingDot);
        if (n.isEmpty()) {
            const QString shown = withoutUserInfo(in.trimmed());
            r.invalid.append({int(i + 1), shown.size() > 200 ? shown.left(197) + QStringLiteral("...") : shown, why});
            continue;
        }
        if (seen.contains(n)) {
            ++r.duplicates;
            continue;
        }
        seen.insert(n);
        r.urls.append(n);
    }
    return r;
}

QStringList UrlLookup::splitLines(const QString &text)
{
    QString t = text;
    t.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList lines = t.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

int UrlLookup::batchCount(int urls, int batchSize)
{
    if (urls <= 0 || batchSize <= 0)
        return 0;
    return (urls + batchSize - 1) / batchSize;
}

QList<QStringList> UrlLookup::batches(const QStringList &urls, int batchSize)
{
    QList<QStringList> out;
    if (batchSize <= 0)
        return out;
    for (qsizetype i = 0; i < urls.size(); i += batchSize)
        out.append(urls.mid(i, batchSize));
    return out;
}

qint64 UrlLookup::etaMs(int batches, qint64 intervalMs, int perHour, int usedInLastHour, qint64 firstWaitMs)
{
    if (batches <= 0)
        return 0;
    const qint64 first = std::max<qint64>(0, firstWaitMs);
    if (perHour <= 0)
        return first + qint64(batches - 1) * intervalMs;
    const int free = std::max(0, perHour - std::max(0, usedInLastHour));
    if (batches <= free)
        return first + qint64(batches - 1) * intervalMs;
    const int extra = batches - free;
    const qint64 hours = (extra + perHour - 1) / perHour;
    return std::max(first, hours * 3'600'000 + qint64((extra - 1) % perHour) * intervalMs);
}

bool UrlLookup::parseReply(const QByteArray &body, QList<UrlLookupResult> *out, QString *why)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isArray()) {
        if (why)
            *why = tr("the URL lookup reply is not a JSON array");
        return false;
    }
    auto strings = [](const QJsonValue &v) {
        QStringList l;
        for (const QJsonValue &e : v.toArray())
            if (e.isString())
                l.append(e.toString());
        return l;
    };
    QList<UrlLookupResult> rows;
    const QJsonArray a = doc.array();
    rows.reserve(a.size());
    for (const QJsonValue &v : a) {
        if (!v.isObject()) {
            if (why)
                *why = tr("the URL lookup reply holds a non-object entry");
            return false;
        }
        const QJsonObject o = v.toObject();
        UrlLookupResult r;
        r.url = o.value(QLatin1String("url")).toString();
        r.categories = strings(o.value(QLatin1String("urlClassifications")));
        r.securityAlerts = strings(o.value(QLatin1String("urlClassificationsWithSecurityAlert")));
        rows.append(r);
    }
    if (out)
        *out = rows;
    return true;
}

} // namespace zc
