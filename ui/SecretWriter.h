#pragma once

#include "core/ApiError.h"
#include "core/AuthKind.h"

#include <QList>
#include <QObject>

class QWidget;

namespace zc {

class ClientSecrets;
class KeychainWaitDialog;

// Writes a batch of secrets of one client through ClientSecrets::setSecret, all at once, and
// reports when all are done. Values go straight into the keychain jobs (which wipe them); this
// class keeps none. A job that takes longer than the keychain's slow threshold brings up the
// "Waiting for the keychain…" dialog over `dialogParent`, whose Cancel stops the batch.
class SecretWriter : public QObject
{
    Q_OBJECT
public:
    SecretWriter(ClientSecrets *secrets, QWidget *dialogParent, QObject *parent = nullptr);

    void begin();
    // Starts the write now; `value` is wiped before this returns.
    void write(const QString &clientId, SecretField field, QByteArray value);
    // No more writes in this batch: finished() follows when all have answered.
    void end();
    bool isRunning() const { return m_open || m_pending > 0; }
    KeychainWaitDialog *waitDialog() const { return m_wait; }

signals:
    // `stored`: the fields now in the keychain; `error`: the first failure (none if all ok).
    void finished(const QList<zc::SecretField> &stored, const zc::ApiError &error);

private:
    void maybeFinish();

    ClientSecrets *m_secrets;
    KeychainWaitDialog *m_wait;
    bool m_open = false;
    int m_pending = 0;
    QList<SecretField> m_stored;
    ApiError m_error;
};

} // namespace zc
