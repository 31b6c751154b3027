// Deterministic mutation fuzzing of every parser that reads what a server (or a file) sends:
// ZPA pages and segments, token replies, error bodies, Retry-After, JWT payloads, ZIA status and
// URL lookup replies, the keychain token cache. Each seed is mutated many thousands of times
// (bit flips, cuts, inserted bytes, duplicated chunks, type swaps, deep nesting, huge numbers)
// with a fixed seed; every result must be either a clean, typed error or a value that keeps the
// parser's promises. Run it under the asan preset to catch memory errors as well.
#include "auth/Jwt.h"
#include "auth/TokenReply.h"
#include "core/AppSegment.h"
#include "core/AppSegmentPage.h"
#include "core/Token.h"
#include "core/UrlLookup.h"
#include "core/ZiaActivation.h"
#include "core/ZpaInternPool.h"
#include "net/ErrorBody.h"
#include "net/RetryAfter.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace zc;

namespace {

constexpr int Rounds = 20000; // per seed: a few seconds in all in a Release build

QByteArray segmentJson(int i)
{
    return QStringLiteral(
               R"({"id":"2161962573312%1","name":"web-%1 <b>é</b>","enabled":true,"description":"=cmd|' /C calc'!A0",)"
               R"("domainNames":["app%1.corp.example","*.svc%1.example","10.0.0.%2"],)"
               R"("tcpPortRanges":["443","443","8000","8080"],"tcpPortRange":[{"from":"443","to":"443"},{"from":"8000","to":"8080"}],)"
               R"("udpPortRanges":[],"segmentGroupId":"2161962573312900","segmentGroupName":"SG Ω",)"
               R"("serverGroups":[{"id":"216196257331290%1","name":"srv"}],"microtenantId":"0","microtenantName":"Default",)"
               R"("modifiedTime":"1700000%1","creationTime":"1690000000","modifiedBy":"admin@example.com","bypassType":"NEVER"})")
        .arg(i)
        .arg(i % 250)
        .toUtf8();
}

QByteArray pageJson(int rows)
{
    QByteArray b = R"({"totalPages":"3","totalCount":")" + QByteArray::number(rows * 3) + R"(","list":[)";
    for (int i = 0; i < rows; ++i)
        b += (i ? "," : "") + segmentJson(i);
    return b + "]}";
}

class Mutator
{
public:
    explicit Mutator(quint32 seed) : m_rng(seed) {}

    QByteArray mutate(const QByteArray &seed)
    {
        QByteArray b = seed;
        const int steps = 1 + int(m_rng.bounded(4));
        for (int s = 0; s < steps; ++s)
            b = once(b);
        return b;
    }

private:
    int pos(const QByteArray &b) { return b.isEmpty() ? 0 : int(m_rng.bounded(quint32(b.size()))); }

    QByteArray once(QByteArray b)
    {
        static const QByteArray tokens[] = {
            "\"", "\\", "\\u", "\\ud800", "{", "}", "[", "]", ",", ":", "null", "true", "-1", "0",
            "1e999", "-9223372036854775809", "18446744073709551616", "\"\"", "NaN", "\xff", "\xc3",
            "\xf0\x9f\x98", "\x00", "<html>", "\r\n", "{\"a\":", "[[[[[[[[", "]]]]]]]]", "\"id\"", "\"list\"",
            "\"totalPages\":\"-5\"", "\"totalCount\":1e300", "\"expires_in\":\"3.5\"", "\"access_token\":",
        };
        switch (m_rng.bounded(9)) {
        case 0: // flip a bit
            if (!b.isEmpty()) {
                const int p = pos(b);
                b[p] = char(b[p] ^ char(1 << m_rng.bounded(8)));
            }
            break;
        case 1: // cut the tail (a truncated reply)
            b.truncate(pos(b));
            break;
        case 2: // remove a chunk
            if (!b.isEmpty()) {
                const int p = pos(b);
                b.remove(p, int(m_rng.bounded(quint32(qMin<qsizetype>(64, b.size() - p)) + 1)));
            }
            break;
        case 3: { // insert a JSON-ish token
            const auto &t = tokens[m_rng.bounded(quint32(std::size(tokens)))];
            b.insert(pos(b), t);
            break;
        }
        case 4: { // duplicate a chunk
            if (!b.isEmpty()) {
                const int p = pos(b);
                const QByteArray chunk = b.mid(p, int(m_rng.bounded(200)) + 1);
                b.insert(pos(b), chunk);
            }
            break;
        }
        case 5: { // a quoted number becomes a bare one, or the reverse (wrong JSON types)
            const int p = b.indexOf('"', pos(b));
            if (p >= 0)
                b.remove(p, 1);
            else
                b.insert(pos(b), '"');
            break;
        }
        case 6: // deep nesting
            b.insert(pos(b), QByteArray(int(m_rng.bounded(3000)), '['));
            break;
        case 7: // a random byte
            b.insert(pos(b), char(m_rng.bounded(256)));
            break;
        default: { // swap two chunks' order
            if (b.size() > 8) {
                const int a = pos(b), c = pos(b);
                const int n = int(m_rng.bounded(16)) + 1;
                const QByteArray x = b.mid(a, n), y = b.mid(c, n);
                b.replace(a, x.size(), y);
            }
            break;
        }
        }
        if (b.size() > (1 << 20)) // keep inputs reasonable
            b.truncate(1 << 20);
        return b;
    }

    QRandomGenerator m_rng;
};

} // namespace

class ParsersFuzz : public QObject
{
    Q_OBJECT

private slots:
    void appSegmentPage()
    {
        const QByteArray seed = pageJson(6);
        {
            const AppSegmentPage clean = AppSegmentPage::parse(seed);
            QVERIFY2(clean.ok, qPrintable(clean.error));
            QCOMPARE(clean.rows.size(), 6);
            QCOMPARE(clean.totalCount, 18);
        }
        Mutator m(0x5e6);
        ZpaInternPool pool;
        int ok = 0, refused = 0;
        for (int i = 0; i < Rounds; ++i) {
            const QByteArray in = m.mutate(seed);
            const AppSegmentPage p = AppSegmentPage::parse(in, (i & 1) ? &pool : nullptr);
            if (!p.ok) {
                QVERIFY2(!p.error.isEmpty(), "a refused page must say why");
                QVERIFY(p.rows.isEmpty()); // never half a page
                ++refused;
                continue;
            }
            ++ok;
            QVERIFY(p.problems.size() <= AppSegmentPage::MaxProblems + 1);
            QVERIFY(p.totalPages >= -1 && p.totalPages <= 20000);
            QSet<QString> ids;
            for (const AppSegment &s : p.rows) {
                QVERIFY2(!s.id().isEmpty(), "rows without an id are skipped, never invented");
                ids.insert(s.id());
            }
            QVERIFY(p.rows.size() + p.skippedRows >= ids.size());
        }
        qInfo("AppSegmentPage: %d parsed, %d refused", ok, refused);
        QVERIFY(ok > 0 && refused > 0); // the mutations reach both paths
    }

    void appSegmentObject()
    {
        const QByteArray seed = segmentJson(7);
        Mutator m(0xa99);
        for (int i = 0; i < Rounds; ++i) {
            QStringList problems;
            const AppSegment s = AppSegment::fromJsonBytes(m.mutate(seed), &problems);
            Q_UNUSED(s);
            QVERIFY(problems.size() < 10000);
        }
    }

    void tokenReply()
    {
        const QByteArray seeds[] = {
            R"({"access_token":"eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE3MDAwMDAwMDB9.c2ln","token_type":"Bearer","expires_in":3600})",
            R"({"token_type":"Bearer","expires_in":"3599","access_token":"abc.def"})",
            R"({"access_token":"x","expires_in":1.5e3})",
        };
        Mutator m(0x70c);
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
        const qint64 nowMs = 1'000'000;
        int parsed = 0;
        for (const QByteArray &seed : seeds) {
            for (int i = 0; i < Rounds; ++i) {
                Token t;
                const ApiError e = TokenReply::parse(m.mutate(seed), QStringLiteral("https://idp.example/token"),
                                                     nowMs, now, TokenReplyOptions{}, &t);
                if (e.isError()) {
                    QCOMPARE(e.kind, ErrorKind::Parse);
                    QVERIFY(!e.message.isEmpty());
                    QVERIFY2(e.message.contains(QLatin1String("idp.example")) || e.endpoint.contains(QLatin1String("idp.example")),
                             "a token error names the endpoint");
                    continue;
                }
                ++parsed;
                QVERIFY(!t.value.isEmpty());
                QVERIFY(t.value.size() <= TokenReplyOptions{}.maxTokenBytes);
                // Never "forever", never already expired: clamped to [1 s, 30 d].
                QVERIFY2(t.lifetimeMs() >= 1000 * TokenReply::MinLifetimeSecs || t.expiresMs <= nowMs,
                         qPrintable(QString::number(t.lifetimeMs())));
                QVERIFY(t.lifetimeMs() <= 1000 * TokenReply::MaxLifetimeSecs);
            }
        }
        QVERIFY(parsed > 0);
    }

    void expiresInValues()
    {
        QRandomGenerator rng(0xe1);
        for (int i = 0; i < 20000; ++i) {
            QJsonValue v;
            switch (rng.bounded(5)) {
            case 0: v = double(qint64(rng.generate64())) * (rng.bounded(2) ? 1 : -1); break;
            case 1: v = QString::number(rng.generateDouble() * 1e12, 'g', 17); break;
            case 2: v = QString::fromLatin1(QByteArray::number(qint64(rng.generate64())) + "0000"); break;
            case 3: v = rng.generateDouble() * 1e-3; break;
            default: v = QStringLiteral(" 12abc"); break;
            }
            const auto secs = TokenReply::parseExpiresIn(v);
            if (secs)
                QVERIFY(*secs >= TokenReply::MinLifetimeSecs && *secs <= TokenReply::MaxLifetimeSecs);
        }
    }

    void errorBodies()
    {
        const QByteArray seeds[] = {
            R"({"id":"invalid.toomanyrequests","reason":"Rate limit exceeded","Retry-After":"4s"})",
            R"({"code":"EDIT_LOCK_NOT_AVAILABLE","message":"Resource Access Blocked"})",
            R"({"error":"invalid_client","error_description":"Client authentication failed"})",
            "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
        };
        Mutator m(0xe44);
        for (const QByteArray &seed : seeds) {
            for (int i = 0; i < Rounds; ++i) {
                const ErrorBodyInfo info = parseErrorBody(m.mutate(seed), "application/json");
                QVERIFY2(info.reason.size() <= 300 + 1, qPrintable(QString::number(info.reason.size())));
                QVERIFY(!info.reason.contains(QLatin1Char('\n')));
            }
        }
    }

    void retryAfter()
    {
        const QByteArray seeds[] = {"4s", "1", "Wed, 21 Oct 2026 07:28:00 GMT", "120", "0.5",
                                    R"({"Retry-After":"1 seconds"})", R"({"message":"Retry After 3 seconds"})"};
        Mutator m(0x4a7);
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1'792'000'000, Qt::UTC);
        for (const QByteArray &seed : seeds) {
            for (int i = 0; i < Rounds / 4; ++i) {
                const QByteArray in = m.mutate(seed);
                if (const auto ms = RetryAfter::parseValue(in, now))
                    QVERIFY2(*ms >= RetryAfter::MinMs, in.constData());
                if (const auto ms = RetryAfter::fromBody(in))
                    QVERIFY(*ms >= 0);
            }
        }
    }

    void jwtPayloads()
    {
        const QByteArray seed = Jwt::base64Url(R"({"alg":"RS256"})") + '.'
                                + Jwt::base64Url(R"({"exp":1700000000,"iss":"c","sub":"c"})") + '.' + "c2ln";
        QCOMPARE(Jwt::exp(seed).value_or(-1), 1700000000);
        Mutator m(0x1a7);
        for (int i = 0; i < Rounds; ++i) {
            const QByteArray in = m.mutate(seed);
            (void)Jwt::payload(in);
            (void)Jwt::exp(in);
            (void)Jwt::fromBase64Url(in);
        }
    }

    void ziaReplies()
    {
        const QByteArray status = R"({"status":"PENDING"})";
        const QByteArray lookup =
            R"([{"url":"example.com","urlClassifications":["NEWS_AND_MEDIA"],"urlClassificationsWithSecurityAlert":[]},)"
            R"({"url":"bad.example","urlClassifications":[],"urlClassificationsWithSecurityAlert":["MALWARE_SITE"]}])";
        Mutator m(0x21a);
        for (int i = 0; i < Rounds; ++i) {
            ZiaActivationState st = ZiaActivationState::Unknown;
            QString why;
            if (!parseZiaStatusJson(m.mutate(status), &st, &why))
                QVERIFY(!why.isEmpty());
            QList<UrlLookupResult> results;
            why.clear();
            if (!UrlLookup::parseReply(m.mutate(lookup), &results, &why))
                QVERIFY(!why.isEmpty());
        }
    }

    void urlNormalisation()
    {
        const QByteArray seeds[] = {"https://Example.COM:443/path?q=1#frag", "xn--bcher-kva.example",
                                    "[2001:db8::1]:8443/x", "user:pass@host.example"};
        Mutator m(0x0a1);
        for (const QByteArray &seed : seeds) {
            for (int i = 0; i < Rounds / 2; ++i) {
                QString reason;
                const QString n = UrlLookup::normalize(QString::fromUtf8(m.mutate(seed)), &reason);
                if (n.isEmpty())
                    continue;
                QVERIFY(n.size() <= UrlLookup::MaxUrlLength);
                // The authority ends at the first '/', '?' or '#'; it never keeps user info.
                const qsizetype end = n.indexOf(QRegularExpression(QStringLiteral("[/?#]")));
                QVERIFY2(!n.left(end < 0 ? n.size() : end).contains(QLatin1Char('@')), qPrintable(n));
                for (const QChar c : n)
                    QVERIFY2(!c.isSpace() && c.unicode() >= 0x20, qPrintable(n));
            }
        }
    }

    void tokenCache()
    {
        const QByteArray seed =
            R"({"access_token":"abc","token_type":"Bearer","expires_at":"2026-11-23T18:00:00Z","obtained_at":"2026-11-23T17:00:00Z","source":"expires_in","idle_timeout_ms":0})";
        Mutator m(0xcac);
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-23T17:30:00Z"), Qt::ISODate);
        for (int i = 0; i < Rounds; ++i) {
            const Token t = Token::fromCacheJson(m.mutate(seed), 5'000'000, now, 30'000);
            if (!t.isNull())
                QVERIFY2(t.expiresMs >= 5'000'000 + 30'000, "an expired cached token is never handed out");
        }
    }

    void hugeAndDeepInputs()
    {
        // 50,000 levels of nesting, a 16 MB string, 1e6 tiny rows: refused or read, never a crash.
        const QByteArray deep = QByteArray(50000, '[') + QByteArray(50000, ']');
        QVERIFY(!AppSegmentPage::parse(deep).ok);
        QList<UrlLookupResult> r;
        QString why;
        QVERIFY(!UrlLookup::parseReply(deep, &r, &why));
        const QByteArray bigString = "{\"list\":[{\"id\":\"1\",\"name\":\"" + QByteArray(16 << 20, 'a') + "\"}]}";
        const AppSegmentPage big = AppSegmentPage::parse(bigString);
        QVERIFY(big.ok || !big.error.isEmpty());
        QByteArray many = "[";
        for (int i = 0; i < 200000; ++i)
            many += (i ? ",{\"id\":\"" : "{\"id\":\"") + QByteArray::number(i) + "\"}";
        many += "]";
        const AppSegmentPage bare = AppSegmentPage::parse(many);
        QVERIFY2(bare.ok, qPrintable(bare.error));
        QCOMPARE(bare.rows.size(), 200000);
        QVERIFY(bare.bareArray);
    }
};

QTEST_GUILESS_MAIN(ParsersFuzz)
#include "tst_parsers_fuzz.moc"
