#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>

class QLabel;

namespace zc {

class SecretJob;

// "Waiting for the keychain… (an unlock prompt may be open)" with a Cancel button. Follows
// SecretJobs: it appears (window-modal, without a nested event loop) when one of them reports
// slow(), disappears when all have finished, and Cancel calls SecretJob::cancel() on each.
class KeychainWaitDialog : public QDialog
{
    Q_OBJECT
public:
    explicit KeychainWaitDialog(QWidget *parent = nullptr);

    void track(SecretJob *job);
    int pendingJobs() const;

public slots:
    void cancelJobs();
    void reject() override; // Escape or the window's close button: stop waiting too

private:
    void onSlow();
    void onJobFinished();

    QList<QPointer<SecretJob>> m_jobs;
    QLabel *m_text;
};

} // namespace zc
