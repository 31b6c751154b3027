// What the segment editor's tests share (gui_segment_editor and gui_segment_conflict): a client
// stack with a real ZpaSegmentEditor and AuditLog (Rig), the simulator with the tenant's segment
// and server groups, the dialog's context, and small widget helpers.
#pragma once

#include "ZpaEditFixture.h"

#include "Confirm.h"
#include "segments/editor/AuditLogDialog.h"
#include "segments/editor/SegmentDeleteConfirm.h"
#include "segments/editor/SegmentEditorDialog.h"
#include "store/AuditLog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

namespace zc::edtest {

using zpatest::ZpaStack;
using Stage = SegmentEditorDialog::Stage;

inline const QString kPut = QStringLiteral("PUT /mgmtconfig/v1/admin/customers/{customerId}/application/{id}");

// One client stack with its editor and audit log.
struct Rig
{
    Rig(zsim::Simulator *sim, const QString &configDir, bool protectedTenant = false)
        : s(sim, protectedTenant)
        , audit(configDir)
        , editor(s.api.get())
    {
        editor.setAuditLog(&audit);
    }
    ZpaStack s;
    AuditLog audit;
    ZpaSegmentEditor editor;
};

template <typename T> inline T *child(QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

inline QStringList column(const QTableWidget *t, int col, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int r = 0; r < t->rowCount(); ++r)
        out << (t->item(r, col) ? t->item(r, col)->data(role).toString() : QString());
    return out;
}

inline int rowOf(const QTableWidget *t, const QString &field)
{
    return int(column(t, 0, Qt::UserRole).indexOf(field));
}

inline bool waitIdle(const SegmentEditorDialog &dlg)
{
    return QTest::qWaitFor([&] { return !dlg.isBusy(); }, 60'000);
}

// The base of both test classes: start() in initTestCase, reset() in cleanup.
class EditorFixture
{
protected:
    // Starts the simulator and reads the Default microtenant's segment groups and the server
    // groups; false with `error` set on failure.
    bool start(QString *error);
    void reset();

    zsim::Simulator *sim() const { return m_fx.sim(); }
    QString dir(const QString &name) const { return m_dir.filePath(name); }
    SegmentEditorContext context(Rig &r, const AppSegment &base) const;
    static void wire(SegmentEditorDialog &dlg, ZpaSegmentEditor &editor);
    // Changes the segment's description on the server, as another admin would.
    static bool updateBehindTheBack(ZpaStack &s, const AppSegment &seg, const QString &description);

    zpatest::ZpaEditFixture m_fx;
    QTemporaryDir m_dir;
    QList<ZpaSegmentGroup> m_segmentGroups;
    QList<ZpaServerGroup> m_serverGroups;
};

} // namespace zc::edtest
