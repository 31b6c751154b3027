#pragma once

#include "core/Validation.h"

#include <QString>

namespace zc {

class AppSegment;

// What one entry of an application segment's domain list is.
enum class DomainKind { Invalid, Fqdn, Wildcard, IPv4, IPv6, IPv4Cidr, IPv6Cidr };

// Classifies one domain entry: a host name ("app.example.com", also a single label such as
// "intranet"), a wildcard ("*.example.com": "*." then a host name with at least one dot), an
// IPv4 or IPv6 address, or either with a /prefix (ZPA accepts subnets). For Invalid, `why`
// receives a sentence naming the entry and the fix.
DomainKind classifyDomain(const QString &entry, QString *why = nullptr);

// Per-field issues of an edit: name (non-empty, ≤ 255, one line), domainNames (at least one,
// each valid, no duplicates), ports (at least one TCP or UDP range) with tcpPortRanges /
// udpPortRanges (1–65535, from ≤ to, no overlaps), segmentGroupId and serverGroups (at least
// one), description (≤ 10,000). Field names are the JSON keys (plus "ports").
ValidationIssues validateAppSegment(const AppSegment &s);

} // namespace zc
