#pragma once

#include "ZpaTestEnv.h"

#include "api/ZpaSegmentEditor.h"

#include <QJsonObject>

namespace zpatest {

// What the editing tests share: a running simulator (few segments), a segment group of the
// Default microtenant and a server group read from it, and synchronous helpers.
class ZpaEditFixture
{
public:
    // Starts the simulator and reads the groups; false with `error` set on failure.
    bool start(QString *error);
    zsim::Simulator *sim() const { return m_sim->sim(); }
    const QString &segmentGroup() const { return m_segmentGroup; }
    const QString &serverGroup() const { return m_serverGroup; }
    int serverGroupCount() const { return m_serverGroups; }

    // Submits and waits for the result with the request's tag.
    static zc::ZpaEditResult run(zc::ZpaSegmentEditor &editor, const zc::ZpaEditRequest &q);
    // A valid new segment (unique name and domain, TCP 8443).
    QJsonObject newSegmentJson(const QString &tag);
    // Creates one; an empty segment (and a warning) on failure.
    zc::AppSegment create(zc::ZpaSegmentEditor &editor, const QString &client, const QString &tag);
    // GET through the legacy client; `status` = the HTTP status.
    static zc::AppSegment read(ZpaStack &s, const QString &id, int *status = nullptr);
    quint64 nextTag() { return quint64(++m_serial); }

private:
    std::unique_ptr<zsim::SimulatorThread> m_sim;
    QString m_segmentGroup;
    QString m_serverGroup;
    int m_serverGroups = 0;
    int m_serial = 0;
};

} // namespace zpatest
