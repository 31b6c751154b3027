#include "EditorFixture.h"

namespace zc::edtest {

bool EditorFixture::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder");
        return false;
    }
    if (!m_fx.start(error))
        return false;
    ZpaStack s(sim());
    int pending = 2;
    s.api->segmentGroups(s.legacy(), ZpaMicrotenantChoice{ZpaMicrotenantChoice::Default, QStringLiteral("0")},
                         nullptr, [&](const ZpaReply<QList<ZpaSegmentGroup>> &r) {
                             m_segmentGroups = r.value;
                             --pending;
                         });
    s.api->serverGroups(s.legacy(), ZpaMicrotenantChoice(), nullptr, [&](const ZpaReply<QList<ZpaServerGroup>> &r) {
        m_serverGroups = r.value;
        --pending;
    });
    if (!QTest::qWaitFor([&] { return pending == 0; }, 30'000)) {
        *error = QStringLiteral("the segment and server groups were not read in 30 s");
        return false;
    }
    if (m_segmentGroups.isEmpty() || m_serverGroups.isEmpty()) {
        *error = QStringLiteral("the simulator has no segment groups or no server groups");
        return false;
    }
    return true;
}

void EditorFixture::reset()
{
    Confirm::clearPreset();
    sim()->resetKnobs();
}

SegmentEditorContext EditorFixture::context(Rig &r, const AppSegment &base) const
{
    SegmentEditorContext c;
    c.clientId = r.s.legacy();
    c.tenantName = r.s.tenant.name;
    c.protectedTenant = r.s.tenant.isProtected;
    c.base = base;
    c.segmentGroups = m_segmentGroups;
    c.serverGroups = m_serverGroups;
    return c;
}

void EditorFixture::wire(SegmentEditorDialog &dlg, ZpaSegmentEditor &editor)
{
    QObject::connect(&dlg, &SegmentEditorDialog::submitRequested, &editor, &ZpaSegmentEditor::submit);
    QObject::connect(&editor, &ZpaSegmentEditor::finished, &dlg, &SegmentEditorDialog::showResult);
}

bool EditorFixture::updateBehindTheBack(ZpaStack &s, const AppSegment &seg, const QString &description)
{
    QJsonObject theirs = seg.toJson();
    theirs.insert(QStringLiteral("description"), description);
    bool done = false, ok = false;
    s.api->updateSegment(s.legacy(), seg.id(), theirs, nullptr, [&](const ZpaReply<bool> &r) {
        ok = r.ok();
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }, 30'000) && ok;
}

} // namespace zc::edtest
