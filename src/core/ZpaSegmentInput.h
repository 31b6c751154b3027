#pragma once

#include "core/AppSegment.h"
#include "core/Validation.h"

#include <QJsonObject>
#include <QStringList>

namespace zc {

// Checks and shapes segment input before anything is sent (no I/O).
class ZpaSegmentInput
{
public:
    // Fields the server sets: never sent from an input file, never applied from a patch.
    static const QStringList &serverFields(); // id, creationTime, modifiedTime, modifiedBy

    // validateAppSegment() (name, domains, ports 1–65535 from ≤ to without overlaps, segment
    // group, server groups) plus checkPortEncodings() of the object as given.
    static ValidationIssues validate(const AppSegment &segment);
    // Both port encodings of a protocol (flat "tcpPortRanges" and structured "tcpPortRange"),
    // when both are present and not empty, must describe the same ranges; each must be well
    // formed (pairs of whole numbers).
    static ValidationIssues checkPortEncodings(const QJsonObject &segment);
    // Checks of the fields a patch sets (domains, ports, name, groups), before the server's
    // object is read; the merged object is validated in full later.
    static ValidationIssues checkPatch(const QJsonObject &patch);

    // `current` with the patch's fields applied; server fields are ignored; ports given in
    // either encoding replace both encodings of that protocol, written consistently.
    static QJsonObject applyPatch(const QJsonObject &current, const QJsonObject &patch);
    // The body of a create: both port encodings written consistently, server fields dropped.
    static QJsonObject createBody(const AppSegment &segment);
};

} // namespace zc
