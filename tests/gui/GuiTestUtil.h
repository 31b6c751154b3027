#pragma once

#include "core/ApiClient.h"
#include "core/Tenant.h"
#include "store/SecretStore.h"

#include <QApplication>
#include <QByteArray>
#include <QImage>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QWidget>

namespace zc {
class SessionWorker;
}

namespace zc::guitest {

// The visible top-level widget of type T (a dialog opened with open()), waiting up to `ms`.
template <typename T> T *waitForWindow(int ms = 5000)
{
    T *found = nullptr;
    QElapsedTimer clock;
    clock.start();
    while (!found && clock.elapsed() < ms) {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
                found = t;
        if (!found)
            QTest::qWait(10);
    }
    return found;
}

// Delivers every event already posted to this thread (queued calls and signals, layout
// requests): a Confirm preset's queued answer has then been acted on, and a grab() shows the
// current layout. A flush, not a wait on the clock.
void deliverPosted();

// True once every task posted to the session worker's (this) thread before the call has run and
// the queued signals emitted meanwhile have been delivered (false after `safetyMs`).
bool drainWorker(SessionWorker *worker, int safetyMs = 60000);

// Reads one entry of the test keychain service straight from the OS keychain.
SecretResult readKeychain(const QString &key, int timeoutMs = 15000);
// Writes one entry (for set-up).
SecretResult writeKeychain(const QString &key, const QByteArray &value, int timeoutMs = 15000);

// Files below `dir` (recursively) whose bytes contain `needle`.
QStringList filesContaining(const QString &dir, const QByteArray &needle);

// The largest number of distinct colours in one pixel row (a blank or tofu-only image has ≤ 2).
int maxDistinctColoursInARow(const QImage &image);

// A tenant/client with the fields a test usually needs.
Tenant makeTenant(const QString &name, const QString &cloud = QStringLiteral("zscaler"),
                  bool isProtected = false);
ApiClient makeClient(const QString &tenantId, const QString &name, AuthKind kind);

} // namespace zc::guitest
