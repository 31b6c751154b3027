#pragma once

#include "core/Validation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace zc {

enum class PortProtocol { Tcp, Udp };

// One inclusive port range of a ZPA application segment ("80" is 80-80).
// Values out of 1–65535 are representable on purpose: a server row or a user's text can carry
// them, and validate() must be able to say so.
struct PortRange
{
    int from = 0;
    int to = 0;

    bool contains(int port) const { return port >= from && port <= to; }
    bool overlaps(const PortRange &o) const { return from <= o.to && o.from <= to; }
    bool isValid() const { return from >= 1 && to <= 65535 && from <= to; }
    QString toString() const; // "80" or "8000-8080"

    bool operator==(const PortRange &) const = default;
};

using PortRangeList = QList<PortRange>;

// The two JSON encodings of a segment's ports and the text form people type.
//   flat (legacy):  "tcpPortRanges": ["80","80","443","445"]   (from/to pairs of strings)
//   structured:     "tcpPortRange":  [{"from":"80","to":"80"},{"from":"443","to":"445"}]
// Readers accept numbers as well as strings; writers emit strings, as the server does.
namespace ports {

QString flatKey(PortProtocol p);       // "tcpPortRanges" / "udpPortRanges"
QString structuredKey(PortProtocol p); // "tcpPortRange" / "udpPortRange"

// Parse one encoding. `canonical` (optional) is set to true when the JSON is exactly what
// toFlat()/toStructured() would write for the result (strings, no extra keys): then the value
// can be rebuilt from the ranges without loss. Problems are appended in plain words.
PortRangeList fromFlat(const QJsonValue &v, QStringList *problems = nullptr, bool *canonical = nullptr);
PortRangeList fromStructured(const QJsonValue &v, QStringList *problems = nullptr,
                             bool *canonical = nullptr);

// The ranges of one protocol from a segment object: the flat form when it is not empty,
// otherwise the structured form. When both hold ranges and disagree, the flat (legacy) form
// wins and a problem says so. `flatExact` / `structuredExact` (optional) tell whether that
// key is present and is exactly the canonical encoding of the result.
PortRangeList fromSegment(const QJsonObject &segment, PortProtocol p, QStringList *problems = nullptr,
                          bool *flatExact = nullptr, bool *structuredExact = nullptr);

QJsonArray toFlat(const PortRangeList &ranges);
QJsonArray toStructured(const PortRangeList &ranges);
// Writes both encodings of protocol p into `segment`, consistent with each other.
void writeBoth(QJsonObject &segment, PortProtocol p, const PortRangeList &ranges);

// 1–65535, from ≤ to, and no two ranges of the list overlap. `field` names the issues.
ValidationIssues validate(const PortRangeList &ranges, const QString &field);

// "80, 443, 8000-8080" (commas, semicolons or spaces between entries; "-" or "–" in ranges).
// Returns false and fills `errors` (one message per bad entry) when any entry is bad; `out`
// then holds the good entries. Range checks (1–65535, from ≤ to) are part of parsing.
bool parseText(const QString &text, PortRangeList *out, QStringList *errors);
QString toText(const PortRangeList &ranges); // "80, 443, 8000-8080"

bool containsPort(const PortRangeList &ranges, int port);

} // namespace ports
} // namespace zc
