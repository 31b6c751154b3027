#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace zc {

// One row of a ZIA /urlLookup reply (zscaler-api-notes.md §4.5):
// {"url", "urlClassifications": [...], "urlClassificationsWithSecurityAlert": [...]}.
struct UrlLookupResult
{
    QString url;
    QStringList categories;
    QStringList securityAlerts;

    bool operator==(const UrlLookupResult &) const = default;
};

// An input line that is not sent, and why.
struct UrlIssue
{
    int line = 0;     // 1-based position in the input list
    QString input;    // as given (shortened to 200 characters for display)
    QString reason;   // one sentence
};

// The checked input of a lookup: what will be sent, in input order, and what will not.
struct UrlLookupInput
{
    QStringList urls;          // normalised, unique, each at most MaxUrlLength characters
    QList<UrlIssue> invalid;   // not sent
    int duplicates = 0;        // dropped because an earlier entry normalised to the same URL
    int blanks = 0;            // empty lines ignored
};

// How ZIA wants URLs (zscaler-api-notes.md §0, §4.5) and the batch/ETA arithmetic of a lookup.
//
// Normalisation of one entry:
//  - surrounding whitespace trimmed; empty → ignored (a blank line, not an error);
//  - "http://" / "https://" (any case) stripped, "//" too; any other scheme is refused;
//  - a "#fragment" is dropped (it never reaches a server);
//  - user info ("user:pass@") is refused: credentials are never sent to a lookup;
//  - the host is lower-cased, a trailing dot dropped, an IDN host converted to its ASCII
//    (punycode, "xn--") form; labels must be letters, digits, '-' or '_' (1–63 each, 253 total),
//    or an IPv4 address, or an [IPv6] literal;
//  - the default ports :80 and :443 are dropped, other ports kept (1–65535);
//  - path and query are kept as given (case matters there) but may hold no whitespace or
//    control characters;
//  - the result must have at most 1,024 characters (ZIA's limit per URL);
//  - with `allowLeadingDot` (custom URL category entries), ".example.com" (a wildcard for the
//    domain and its subdomains) is accepted.
class UrlLookup
{
public:
    static constexpr int MaxUrlLength = 1024;
    static constexpr int MaxBatch = 100;        // URLs per POST /urlLookup
    static constexpr int MaxRawLength = 16384;  // longer input lines are refused unparsed

    // The normalised form, or an empty string with *reason set.
    static QString normalize(const QString &input, QString *reason, bool allowLeadingDot = false);
    // Normalises a list (e.g. one URL per input line), drops duplicates (first kept) and
    // collects the entries that cannot be sent.
    static UrlLookupInput prepare(const QStringList &inputs, bool allowLeadingDot = false);
    // Splits text into lines (LF, CRLF or CR) for prepare().
    static QStringList splitLines(const QString &text);

    // ceil(n / MaxBatch)
    static int batchCount(int urls, int batchSize = MaxBatch);
    static QList<QStringList> batches(const QStringList &urls, int batchSize = MaxBatch);

    // Estimated time until `batches` more requests have been sent, given the pacing interval
    // between two requests (1 per second, plus margin), the hourly budget (400) and how many
    // requests of that budget were already used in the last hour; `firstWaitMs` is how long
    // the first of them must wait anyway. Requests beyond the hourly budget wait for the
    // window to free up: each further `perHour` requests cost one more hour (a sliding window
    // frees slots no later than that). Request latency is not included.
    static qint64 etaMs(int batches, qint64 intervalMs, int perHour, int usedInLastHour,
                        qint64 firstWaitMs = 0);

    // Parses a /urlLookup reply (a JSON array of result objects). False and *why otherwise.
    static bool parseReply(const QByteArray &body, QList<UrlLookupResult> *out, QString *why);
};

} // namespace zc

Q_DECLARE_METATYPE(zc::UrlLookupResult)
Q_DECLARE_METATYPE(QList<zc::UrlLookupResult>)
