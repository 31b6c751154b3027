#include "SecretWriter.h"

#include "KeychainWaitDialog.h"
#include "store/ClientSecrets.h"

namespace zc {

SecretWriter::SecretWriter(ClientSecrets *secrets, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_wait(new KeychainWaitDialog(dialogParent))
{
}

void SecretWriter::begin()
{
    m_open = true;
    m_pending = 0;
    m_stored.clear();
    m_error = ApiError();
}

void SecretWriter::write(const QString &clientId, SecretField field, QByteArray value)
{
    ++m_pending;
    SecretJob *job = m_secrets->setSecret(clientId, field, std::move(value), this,
                                          [this, field](const ApiError &error) {
                                              --m_pending;
                                              if (error) {
                                                  if (!m_error)
                                                      m_error = error;
                                              } else {
                                                  m_stored.append(field);
                                              }
                                              maybeFinish();
                                          });
    SecretStore::wipe(value); // moved-from already; belt and braces
    m_wait->track(job);
}

void SecretWriter::end()
{
    m_open = false;
    maybeFinish();
}

void SecretWriter::maybeFinish()
{
    if (m_open || m_pending > 0)
        return;
    emit finished(m_stored, m_error);
}

} // namespace zc
