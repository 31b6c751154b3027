#pragma once

#include "Confirm.h"
#include "core/AppSegment.h"

#include <QString>

class QObject;
class QWidget;

namespace zc {

// The question asked before a segment is deleted: names the segment (name and id) and the
// tenant, says that forceDelete removes it from policy rules too, and on a protected tenant asks
// for the tenant's name to be typed.
Confirm::Request segmentDeleteRequest(const QString &tenantName, bool protectedTenant, const AppSegment &segment);

// Asks (window-modal, no nested event loop) and calls `done` with the answer, unless `ctx` is gone.
void askSegmentDelete(QWidget *parent, const QString &tenantName, bool protectedTenant, const AppSegment &segment,
                      QObject *ctx, Confirm::Done done);

// The same, answered synchronously: waits in a local event loop (like QDialog::exec()) until the
// person answers. Prefer askSegmentDelete() where a callback fits. Tests answer through the
// Confirm seam (Confirm::setNextAnswer / setNextTypedName).
bool confirmSegmentDelete(QWidget *parent, const QString &tenantName, bool protectedTenant, const AppSegment &segment);

} // namespace zc
