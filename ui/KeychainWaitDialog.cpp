#include "KeychainWaitDialog.h"

#include "store/SecretStore.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace zc {

KeychainWaitDialog::KeychainWaitDialog(QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("keychainWaitDialog"));
    setWindowTitle(tr("Keychain"));
    setWindowModality(Qt::WindowModal);
    m_text->setText(tr("Waiting for the keychain… (an unlock prompt may be open)"));
    m_text->setWordWrap(true);
    auto *busy = new QProgressBar(this);
    busy->setRange(0, 0); // indeterminate
    busy->setTextVisible(false);
    busy->setAccessibleName(tr("Waiting for the keychain"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelKeychainButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &KeychainWaitDialog::cancelJobs);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(busy);
    layout->addWidget(buttons);
    setMinimumWidth(380);
}

void KeychainWaitDialog::track(SecretJob *job)
{
    if (!job || job->isFinished())
        return;
    m_jobs.append(job);
    connect(job, &SecretJob::slow, this, &KeychainWaitDialog::onSlow);
    connect(job, &SecretJob::finished, this, &KeychainWaitDialog::onJobFinished);
}

int KeychainWaitDialog::pendingJobs() const
{
    int n = 0;
    for (const auto &j : m_jobs)
        n += (j && !j->isFinished()) ? 1 : 0;
    return n;
}

void KeychainWaitDialog::onSlow()
{
    if (pendingJobs() > 0 && !isVisible())
        open();
}

void KeychainWaitDialog::onJobFinished()
{
    // finished() is emitted before the job marks itself done for everyone: count after it.
    QMetaObject::invokeMethod(this, [this] {
        m_jobs.removeIf([](const QPointer<SecretJob> &j) { return !j || j->isFinished(); });
        if (m_jobs.isEmpty() && isVisible())
            done(QDialog::Accepted);
    }, Qt::QueuedConnection);
}

void KeychainWaitDialog::reject() { cancelJobs(); }

void KeychainWaitDialog::cancelJobs()
{
    const auto jobs = m_jobs;
    for (const auto &j : jobs)
        if (j && !j->isFinished())
            j->cancel();
    m_jobs.clear();
    if (isVisible())
        done(QDialog::Rejected);
}

} // namespace zc
